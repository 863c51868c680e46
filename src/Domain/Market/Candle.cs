namespace ActorArb.Domain.Market;

/// <summary>
/// An OHLCV bar for one instrument and timeframe; <see cref="OpenTimeMs"/> is the bar's open time (UTC,
/// aligned to the timeframe) and the bar covers [open, open + timeframe).
/// </summary>
public readonly record struct Candle(
    InstrumentId Instrument,
    Timeframe Timeframe,
    long OpenTimeMs,
    Price Open,
    Price High,
    Price Low,
    Price Close,
    double Volume,
    int TradeCount,
    CandleFlags Flags)
{
    /// <summary>Returns the time the bar closes: open + timeframe.</summary>
    public long CloseTimeMs => OpenTimeMs + Timeframe.Ms;
}
