using ActorArb.Domain.Metrics;
using ActorArb.Domain.Portfolio;

namespace ActorArb.Domain.Simulation;

/// <summary>What one strategy made over a tape: its equity curve (one point per strategy bar), trades, fills, rejections and metrics.</summary>
/// <param name="Equity">One point per strategy bar, valued at that bar's close after the bar's fills.</param>
/// <param name="Trades">Every entry, closed or still open.</param>
/// <param name="Fills">The number of fills.</param>
/// <param name="Rejections">The number of intents the risk manager rejected.</param>
/// <param name="Metrics">The backtest's metrics of the curve and trades.</param>
public sealed record SimulationResult(IReadOnlyList<EquityPoint> Equity, IReadOnlyList<Trade> Trades, int Fills, int Rejections, PerformanceReport Metrics);
