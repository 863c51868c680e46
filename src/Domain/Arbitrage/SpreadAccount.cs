using ActorArb.Domain.Market;

namespace ActorArb.Domain.Arbitrage;

/// <summary>One leg's inventory and quote as the engine holds them.</summary>
/// <param name="Instrument">The leg's instrument.</param>
/// <param name="Cash">The quote currency held on the leg's venue.</param>
/// <param name="Units">The base units held on the leg's venue.</param>
/// <param name="LastClose">The close of the leg's newest candle; zero before its first candle.</param>
/// <param name="LastCloseTimeMs">
/// The close time of the leg's newest candle; <see cref="SpreadArbitrage.NoQuoteMs"/> before its first candle.
/// </param>
public readonly record struct SpreadAccount(InstrumentId Instrument, double Cash, double Units, Price LastClose, long LastCloseTimeMs)
{
    /// <summary>Returns true once the leg has seen a candle, so that its units have a mark.</summary>
    public bool HasQuote => LastCloseTimeMs != SpreadArbitrage.NoQuoteMs;
}
