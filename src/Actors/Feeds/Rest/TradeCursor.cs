namespace ActorArb.Actors.Feeds.Rest;

/// <summary>
/// Where a walk through a venue's trade history starts: at a time (the first trade at or after it), or just after
/// a known trade. A trade cursor carries the trade's time too, because Kraken's REST pages trades by time, not id.
/// </summary>
public readonly record struct TradeCursor
{
    private TradeCursor(long timeMs, string? afterTradeId)
    {
        TimeMs = timeMs;
        AfterTradeId = afterTradeId;
    }

    /// <summary>Gets the time: the first trade's earliest time, or the time of <see cref="AfterTradeId"/>.</summary>
    public long TimeMs { get; }

    /// <summary>Gets the trade the walk starts after, or null for a walk from <see cref="TimeMs"/>.</summary>
    public string? AfterTradeId { get; }

    /// <summary>Returns a cursor at the first trade at or after <paramref name="timeMs"/>.</summary>
    public static TradeCursor FromTime(long timeMs) => new(timeMs, null);

    /// <summary>Returns a cursor just after trade <paramref name="tradeId"/>, which happened at <paramref name="tradeTimeMs"/>.</summary>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    public static TradeCursor AfterTrade(string tradeId, long tradeTimeMs)
    {
        ArgumentException.ThrowIfNullOrEmpty(tradeId);
        return new TradeCursor(tradeTimeMs, tradeId);
    }

    /// <inheritdoc />
    public override string ToString() => AfterTradeId is { } id ? $"after trade {id} ({TimeMs})" : $"from {TimeMs}";
}
