using System.Collections.Immutable;

namespace ActorArb.Domain.Market.Aggregation;

/// <summary>
/// Everything a <see cref="CandleAggregator"/> holds, as plain data that serialises with System.Text.Json:
/// <see cref="CandleAggregator.Restore"/> with the same instrument and options continues bit for bit where
/// <see cref="CandleAggregator.Export"/> left off, open minutes and roll-ups in progress included.
/// </summary>
/// <param name="Instrument">The instrument the aggregator builds candles of.</param>
/// <param name="Rollups">The roll-up timeframes in effect (1m excluded, ascending, no duplicates).</param>
/// <param name="AllowedLatenessMs">The allowed lateness in effect.</param>
/// <param name="EmitFlatCandles">Whether flat minutes are emitted.</param>
/// <param name="TickSize">The tick grid in effect, or null when prices are not checked against one.</param>
/// <param name="Started">True once the first input has been seen.</param>
/// <param name="Flushed">True once the stream was flushed.</param>
/// <param name="MaxEventMs">The newest event time seen (meaningful when <paramref name="Started"/>).</param>
/// <param name="CursorMs">The open time of the oldest minute not yet closed (meaningful when <paramref name="Started"/>).</param>
/// <param name="LastClose">The close of the newest emitted 1m candle, or null before the first.</param>
/// <param name="Minutes">The open minutes, oldest first.</param>
/// <param name="OpenRollups">The roll-up bars in progress, by ascending timeframe; timeframes without one are absent.</param>
/// <param name="Counters">The late, duplicate and off-grid counters.</param>
public sealed record CandleAggregatorState(
    InstrumentId Instrument,
    ImmutableArray<Timeframe> Rollups,
    long AllowedLatenessMs,
    bool EmitFlatCandles,
    Price? TickSize,
    bool Started,
    bool Flushed,
    long MaxEventMs,
    long CursorMs,
    Price? LastClose,
    ImmutableArray<CandleAggregatorMinute> Minutes,
    ImmutableArray<CandleAggregatorRollup> OpenRollups,
    CandleAggregatorCounters Counters);

/// <summary>One open minute of an aggregator, built from trades or holding a whole 1m candle.</summary>
/// <param name="OpenTimeMs">The minute's open time.</param>
/// <param name="FromCandle">True when the minute was delivered whole as a 1m candle.</param>
/// <param name="FirstTradeMs">The event time of the trade that set the open.</param>
/// <param name="LastTradeMs">The event time of the trade that set the close.</param>
/// <param name="Open">The open so far.</param>
/// <param name="High">The high so far.</param>
/// <param name="Low">The low so far.</param>
/// <param name="Close">The close so far.</param>
/// <param name="Volume">The volume so far.</param>
/// <param name="TradeCount">The trades so far.</param>
/// <param name="Flags">The flags of a minute delivered as a candle.</param>
public sealed record CandleAggregatorMinute(
    long OpenTimeMs,
    bool FromCandle,
    long FirstTradeMs,
    long LastTradeMs,
    Price Open,
    Price High,
    Price Low,
    Price Close,
    double Volume,
    int TradeCount,
    CandleFlags Flags);

/// <summary>One roll-up bar in progress, accumulated from the closed 1m candles so far.</summary>
/// <param name="Timeframe">The roll-up's timeframe.</param>
/// <param name="OpenTimeMs">The bar's open time.</param>
/// <param name="Open">The open of its first minute.</param>
/// <param name="High">The high so far.</param>
/// <param name="Low">The low so far.</param>
/// <param name="Close">The close of its newest minute.</param>
/// <param name="Volume">The volume so far.</param>
/// <param name="TradeCount">The trades so far.</param>
/// <param name="Minutes">How many 1m candles it holds.</param>
/// <param name="FlatMinutes">How many of them are flat.</param>
public sealed record CandleAggregatorRollup(
    Timeframe Timeframe,
    long OpenTimeMs,
    Price Open,
    Price High,
    Price Low,
    Price Close,
    double Volume,
    int TradeCount,
    int Minutes,
    int FlatMinutes);

/// <summary>The aggregator's counters, as its properties of the same names report them.</summary>
/// <param name="LateTicks">Trades that arrived after their minute had closed.</param>
/// <param name="LateCandles">1m candles that arrived after their minute had closed.</param>
/// <param name="DuplicateCandles">1m candles refused because their minute was already taken.</param>
/// <param name="OffGrid">Trades and candles refused for prices off the tick grid.</param>
public sealed record CandleAggregatorCounters(long LateTicks, long LateCandles, long DuplicateCandles, long OffGrid);
