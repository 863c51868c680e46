namespace ActorArb.Domain.Market;

/// <summary>The side of a trade or an order.</summary>
public enum Side : byte
{
    /// <summary>Buying the base asset.</summary>
    Buy = 1,

    /// <summary>Selling the base asset.</summary>
    Sell = 2,
}
