namespace ActorArb.Domain.Market;

/// <summary>Marks candles that were not built from ordinary trades.</summary>
[Flags]
public enum CandleFlags : byte
{
    /// <summary>An ordinary candle built from trades or read from a source.</summary>
    None = 0,

    /// <summary>No trades in the bar: OHLC all carry the previous close, volume is zero.</summary>
    Flat = 1,

    /// <summary>A roll-up that is missing some of its 1m bars (a gap in the source).</summary>
    Partial = 2,
}
