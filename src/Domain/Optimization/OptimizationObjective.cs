namespace ActorArb.Domain.Optimization;

/// <summary>What the optimizer maximises.</summary>
public enum OptimizationObjective
{
    /// <summary>Final equity (starting from 1).</summary>
    FinalEquity,

    /// <summary>Final equity minus the starting cash; ranks as final equity does.</summary>
    NetProfit,

    /// <summary>Compound annual growth over the maximum drawdown.</summary>
    Calmar,

    /// <summary>Annualised mean over standard deviation of the per-bar equity returns.</summary>
    Sharpe,

    /// <summary>Annualised mean over downside deviation of the per-bar equity returns.</summary>
    Sortino,

    /// <summary>Gross profit over gross loss of the round trips.</summary>
    ProfitFactor,
}
