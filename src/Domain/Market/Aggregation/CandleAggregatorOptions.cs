namespace ActorArb.Domain.Market.Aggregation;

/// <summary>
/// Configures a <see cref="CandleAggregator"/>.
/// </summary>
/// <param name="Timeframes">
/// The roll-ups wanted besides 1m (which is always produced), e.g. 1h, 2h, 4h, 1d; each must be a whole number of
/// minutes. Order and duplicates do not matter; a 1m entry is ignored.
/// </param>
/// <param name="AllowedLatenessMs">
/// How far behind the newest event time a trade may arrive and still be applied; the watermark is the newest event
/// time minus this. Between 0 and one day.
/// </param>
/// <param name="EmitFlatCandles">
/// When true, every minute without trades after the first candle yields a flat 1m candle carrying the previous
/// close; when false, such minutes are absent and the roll-ups that lack them are flagged partial.
/// </param>
/// <param name="TickSize">
/// When set, trades and 1m candles whose prices are not a multiple of it are refused and counted in
/// <see cref="CandleAggregator.OffGrid"/>.
/// </param>
public sealed record CandleAggregatorOptions(
    IReadOnlyList<Timeframe> Timeframes,
    long AllowedLatenessMs = 0,
    bool EmitFlatCandles = true,
    Price? TickSize = null);
