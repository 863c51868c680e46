namespace ActorArb.Domain.Optimization;

/// <summary>Computes objective values from a run, and says which objectives need per-bar statistics.</summary>
public static class ObjectiveScore
{
    /// <summary>Returns whether <paramref name="objective"/> needs <see cref="ThresholdStatistics"/> (a pass over the bars per combination).</summary>
    public static bool NeedsBarStatistics(OptimizationObjective objective) =>
        objective is OptimizationObjective.Sharpe or OptimizationObjective.Sortino or OptimizationObjective.ProfitFactor;

    /// <summary>Returns the value of an objective the exact kernel's <paramref name="run"/> answers, over <paramref name="years"/> of data.</summary>
    /// <exception cref="ArgumentException">The objective needs per-bar statistics.</exception>
    public static double Of(OptimizationObjective objective, ThresholdRun run, double years) => objective switch
    {
        OptimizationObjective.FinalEquity => run.FinalEquity,
        OptimizationObjective.NetProfit => run.FinalEquity - 1.0,
        OptimizationObjective.Calmar => Calmar(run, years),
        _ => throw new ArgumentException($"{objective} needs per-bar statistics", nameof(objective)),
    };

    /// <summary>Returns the value of any objective from a scored run.</summary>
    public static double Of(OptimizationObjective objective, ThresholdScore score, double years) => objective switch
    {
        OptimizationObjective.Sharpe => score.Sharpe,
        OptimizationObjective.Sortino => score.Sortino,
        OptimizationObjective.ProfitFactor => score.ProfitFactor,
        _ => Of(objective, score.Run, years),
    };

    private static double Calmar(ThresholdRun run, double years)
    {
        var growth = years > 0 ? Math.Pow(run.FinalEquity, 1.0 / years) - 1.0 : 0.0;
        return run.MaxDrawdown > 0 ? growth / run.MaxDrawdown : growth > 0 ? double.PositiveInfinity : 0.0;
    }
}
