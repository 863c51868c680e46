namespace ActorArb.Domain.Optimization;

/// <summary>A combination's run with its per-bar statistics (see <see cref="ThresholdStatistics"/>).</summary>
public readonly record struct ThresholdScore(ThresholdRun Run, double Sharpe, double Sortino, double ProfitFactor);
