using ActorArb.Actors.Replay.Sources;
using ActorArb.Domain.Execution;
using ActorArb.Domain.Market;
using ActorArb.Domain.Market.Aggregation;
using ActorArb.Domain.Regimes;
using ActorArb.Domain.Risk;
using ActorArb.Domain.Strategies;

namespace ActorArb.Actors.Replay;

/// <summary>
/// What a backtest replays and through which domain objects: the source (opened fresh for every run), the
/// candle, regime, strategy, risk and fill settings, and the starting cash. The same plan always gives the
/// same outcome.
/// </summary>
/// <param name="RunId">Names the run; event streams are scoped under it.</param>
/// <param name="Instrument">The instrument replayed.</param>
/// <param name="OpenSource">Opens the historical source.</param>
/// <param name="BaseTimeframe">The source's bar length (1m for ticks): fills use prices of this timeframe.</param>
/// <param name="Candles">Roll-up settings of the candle aggregator.</param>
/// <param name="Regime">Regime detector settings.</param>
/// <param name="RegimeTimeframe">The candles the regime detector reads.</param>
/// <param name="CreateStrategy">Creates the strategy.</param>
/// <param name="StrategyTimeframe">The candles the strategy reads; the equity curve has one point per such bar.</param>
/// <param name="Risk">Risk limits.</param>
/// <param name="Fills">Fee, slippage, participation and latency model.</param>
/// <param name="InitialCash">Starting cash in quote currency.</param>
/// <param name="BatchSize">Rows per message from the source.</param>
public sealed record BacktestPlan(
    string RunId,
    Instrument Instrument,
    Func<HistoricalSource> OpenSource,
    Timeframe BaseTimeframe,
    CandleAggregatorOptions Candles,
    RegimeOptions Regime,
    Timeframe RegimeTimeframe,
    Func<IStrategy> CreateStrategy,
    Timeframe StrategyTimeframe,
    RiskLimits Risk,
    FillModel Fills,
    double InitialCash,
    int BatchSize = 4096);
