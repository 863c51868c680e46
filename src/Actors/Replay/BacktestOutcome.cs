using ActorArb.Actors.Replay.Sources;
using ActorArb.Domain.Events;
using ActorArb.Domain.Market;
using ActorArb.Domain.Metrics;
using ActorArb.Domain.Portfolio;

namespace ActorArb.Actors.Replay;

/// <summary>
/// What a backtest produced: the equity curve (one point per strategy bar), round-trip trades, every fill,
/// rejection, regime change and risk halt in the order they happened, the strategy-timeframe price series
/// for charts, the metrics and the source's data-quality report.
/// </summary>
public sealed record BacktestOutcome(
    string RunId,
    Instrument Instrument,
    string SourceDescription,
    DataQualityReport Quality,
    double InitialCash,
    IReadOnlyList<EquityPoint> Equity,
    IReadOnlyList<Trade> Trades,
    IReadOnlyList<OrderFilled> Fills,
    IReadOnlyList<OrderRejected> Rejections,
    IReadOnlyList<RegimeChanged> RegimeChanges,
    IReadOnlyList<IDomainEvent> RiskEvents,
    IReadOnlyList<Candle> Prices,
    PerformanceReport Metrics,
    long EventsPersisted,
    long MessagesProcessed);
