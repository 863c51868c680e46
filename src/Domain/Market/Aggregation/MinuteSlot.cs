namespace ActorArb.Domain.Market.Aggregation;

/// <summary>
/// One open minute of a <see cref="CandleAggregator"/>, built from trades or holding a whole 1m candle. A mutable
/// struct kept in a ring so that a tick updates it in place without allocating.
/// </summary>
internal struct MinuteSlot
{
    public bool Occupied;
    public bool FromCandle;
    public long OpenTimeMs;
    public long FirstTradeMs;
    public long LastTradeMs;
    public Price Open;
    public Price High;
    public Price Low;
    public Price Close;
    public double Volume;
    public int TradeCount;
    public CandleFlags Flags;

    public void StartWith(long openTimeMs, in TradeTick tick)
    {
        Occupied = true;
        FromCandle = false;
        OpenTimeMs = openTimeMs;
        FirstTradeMs = tick.TimeMs;
        LastTradeMs = tick.TimeMs;
        Open = tick.Price;
        High = tick.Price;
        Low = tick.Price;
        Close = tick.Price;
        Volume = tick.Size;
        TradeCount = 1;
        Flags = CandleFlags.None;
    }

    public void StartWith(in Candle candle)
    {
        Occupied = true;
        FromCandle = true;
        OpenTimeMs = candle.OpenTimeMs;
        FirstTradeMs = candle.OpenTimeMs;
        LastTradeMs = candle.OpenTimeMs;
        Open = candle.Open;
        High = candle.High;
        Low = candle.Low;
        Close = candle.Close;
        Volume = candle.Volume;
        TradeCount = candle.TradeCount;
        Flags = candle.Flags;
    }

    public void Add(in TradeTick tick)
    {
        // Open and close follow event time, not arrival order, so a trade that arrives late within the allowed
        // lateness lands where it happened; equal times keep arrival order (first stays open, last becomes close).
        if (tick.TimeMs < FirstTradeMs)
        {
            FirstTradeMs = tick.TimeMs;
            Open = tick.Price;
        }

        if (tick.TimeMs >= LastTradeMs)
        {
            LastTradeMs = tick.TimeMs;
            Close = tick.Price;
        }

        High = Price.Max(High, tick.Price);
        Low = Price.Min(Low, tick.Price);
        Volume += tick.Size;
        TradeCount++;
    }

    public readonly Candle ToCandle(InstrumentId instrument) =>
        new(instrument, Timeframe.OneMinute, OpenTimeMs, Open, High, Low, Close, Volume, TradeCount, Flags);
}
