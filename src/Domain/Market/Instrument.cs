namespace ActorArb.Domain.Market;

/// <summary>
/// A tradable instrument: its id, the price tick size every price is a multiple of, and whether it is a
/// stablecoin pegged to <see cref="PegTarget"/> (which turns on the peg regimes).
/// </summary>
public sealed record Instrument(InstrumentId Id, Price TickSize, Price? PegTarget = null)
{
    /// <summary>Returns true when the instrument tracks a peg.</summary>
    public bool IsPegged => PegTarget.HasValue;
}
