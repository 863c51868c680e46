namespace ActorArb.Domain.Market.Aggregation;

/// <summary>
/// The open bar of one roll-up timeframe, accumulating closed 1m candles in time order.
/// </summary>
internal struct RollupBucket
{
    public bool IsOpen;
    public long OpenTimeMs;
    public long CloseTimeMs;
    public Price Open;
    public Price High;
    public Price Low;
    public Price Close;
    public double Volume;
    public int TradeCount;
    public int Minutes;
    public int FlatMinutes;

    public void Add(in Candle minute, Timeframe timeframe)
    {
        if (!IsOpen)
        {
            IsOpen = true;
            OpenTimeMs = timeframe.Floor(minute.OpenTimeMs);
            CloseTimeMs = OpenTimeMs + timeframe.Ms;
            Open = minute.Open;
            High = minute.High;
            Low = minute.Low;
            Volume = 0;
            TradeCount = 0;
            Minutes = 0;
            FlatMinutes = 0;
        }

        High = Price.Max(High, minute.High);
        Low = Price.Min(Low, minute.Low);
        Close = minute.Close;
        Volume += minute.Volume;
        TradeCount += minute.TradeCount;
        Minutes++;
        if ((minute.Flags & CandleFlags.Flat) != 0)
        {
            FlatMinutes++;
        }
    }

    public readonly Candle ToCandle(InstrumentId instrument, Timeframe timeframe)
    {
        var flags = CandleFlags.None;
        if (Minutes < timeframe.Ms / Timeframe.OneMinute.Ms)
        {
            flags |= CandleFlags.Partial;
        }

        if (FlatMinutes == Minutes)
        {
            flags |= CandleFlags.Flat;
        }

        return new Candle(instrument, timeframe, OpenTimeMs, Open, High, Low, Close, Volume, TradeCount, flags);
    }
}
