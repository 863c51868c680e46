using ActorArb.Actors.Replay.Sources;
using ActorArb.Domain.Arbitrage;
using ActorArb.Domain.Market;
using ActorArb.Domain.Market.Aggregation;

namespace ActorArb.Actors.Arbitrage;

/// <summary>
/// What a spread replay reads and trades: one historical source per leg (opened fresh for every run), the candle
/// roll-ups, and the spread's options. The same plan always gives the same outcome.
/// </summary>
/// <param name="RunId">Names the run; event streams are scoped under it.</param>
/// <param name="Sources">One source per leg, each with its instrument and bar length.</param>
/// <param name="Candles">Roll-up settings of the candle aggregators; must roll up the spread's timeframe.</param>
/// <param name="Spread">The spread's legs, fees, edge and sizing.</param>
/// <param name="BatchSize">Rows per turn of the merged source.</param>
public sealed record SpreadPlan(
    string RunId,
    IReadOnlyList<SpreadSource> Sources,
    CandleAggregatorOptions Candles,
    SpreadOptions Spread,
    int BatchSize = 4096);

/// <summary>One leg's historical data.</summary>
/// <param name="Instrument">The instrument the source carries (a leg of the spread).</param>
/// <param name="Open">Opens the source.</param>
/// <param name="BaseTimeframe">The source's bar length (1m for ticks).</param>
public sealed record SpreadSource(Instrument Instrument, Func<HistoricalSource> Open, Timeframe BaseTimeframe);
