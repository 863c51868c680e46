using System.Collections.Immutable;
using ActorArb.Domain.Market;
using ActorArb.Domain.Portfolio;

namespace ActorArb.Domain.Arbitrage;

/// <summary>
/// Everything a <see cref="SpreadArbitrage"/> holds, as plain data that serialises with System.Text.Json:
/// <see cref="SpreadArbitrage.Restore"/> with the same options continues bit for bit where
/// <see cref="SpreadArbitrage.Export"/> left off.
/// </summary>
/// <param name="Legs">Each leg's inventory and newest candle, in leg order.</param>
/// <param name="HasPending">True once a candle has set the pending time.</param>
/// <param name="PendingTimeMs">The newest close time seen (meaningful when <paramref name="HasPending"/>).</param>
/// <param name="PendingEvaluated">True when the pending time has already been evaluated.</param>
/// <param name="Halted">True while trading is halted.</param>
/// <param name="InitialEquity">The equity at the first evaluated time, or null before it.</param>
/// <param name="Counters">The counters.</param>
/// <param name="Equity">The equity curve, one point per evaluated time.</param>
/// <param name="Trades">One closed trade per arbitrage, oldest first.</param>
public sealed record SpreadState(
    ImmutableArray<SpreadLegState> Legs,
    bool HasPending,
    long PendingTimeMs,
    bool PendingEvaluated,
    bool Halted,
    double? InitialEquity,
    SpreadCounters Counters,
    ImmutableArray<EquityPoint> Equity,
    ImmutableArray<Trade> Trades);

/// <summary>One leg's inventory and newest candle, as the engine keeps them.</summary>
/// <param name="Instrument">The leg's instrument (checked against the options on restore).</param>
/// <param name="Cash">The quote currency held on the leg's venue.</param>
/// <param name="Units">The base units held on the leg's venue.</param>
/// <param name="LastClose">The newest candle's close.</param>
/// <param name="LastCloseTimeMs">The newest candle's close time; <see cref="SpreadArbitrage.NoQuoteMs"/> before the first.</param>
/// <param name="LastVolume">The newest candle's volume.</param>
/// <param name="LastFlat">True when the newest candle was flagged <see cref="CandleFlags.Flat"/>.</param>
public sealed record SpreadLegState(
    InstrumentId Instrument,
    double Cash,
    double Units,
    Price LastClose,
    long LastCloseTimeMs,
    double LastVolume,
    bool LastFlat);
