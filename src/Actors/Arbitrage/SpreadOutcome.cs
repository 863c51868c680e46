using ActorArb.Actors.Replay.Sources;
using ActorArb.Domain.Arbitrage;
using ActorArb.Domain.Events;
using ActorArb.Domain.Metrics;
using ActorArb.Domain.Portfolio;

namespace ActorArb.Actors.Arbitrage;

/// <summary>The result of a spread replay.</summary>
/// <param name="RunId">The run's id.</param>
/// <param name="Spread">The options it ran with.</param>
/// <param name="Sources">Each source's description, rows read and data quality, in leg order.</param>
/// <param name="Equity">One point per evaluated bar: every venue's cash plus its units at that venue's last close.</param>
/// <param name="Trades">One closed trade per arbitrage (entry = the buy leg, exit = the sell leg).</param>
/// <param name="Arbitrages">Every arbitrage with both legs.</param>
/// <param name="Accounts">Each venue's cash and units at the end.</param>
/// <param name="Counters">Evaluations, opportunities, arbitrages and skips.</param>
/// <param name="InitialEquity">The equity the curve starts from.</param>
/// <param name="Metrics">Performance over the equity curve and the arbitrages.</param>
/// <param name="EventsPersisted">Events the journal wrote.</param>
/// <param name="MessagesProcessed">Messages the actors handled.</param>
public sealed record SpreadOutcome(
    string RunId,
    SpreadOptions Spread,
    IReadOnlyList<(string Description, DataQualityReport Quality)> Sources,
    IReadOnlyList<EquityPoint> Equity,
    IReadOnlyList<Trade> Trades,
    IReadOnlyList<ArbitrageExecuted> Arbitrages,
    IReadOnlyList<SpreadAccount> Accounts,
    SpreadCounters Counters,
    double InitialEquity,
    PerformanceReport Metrics,
    long EventsPersisted,
    long MessagesProcessed);
