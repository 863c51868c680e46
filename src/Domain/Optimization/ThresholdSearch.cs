namespace ActorArb.Domain.Optimization;

/// <summary>
/// A plain exhaustive search over a (buy, sell) tick grid with <see cref="ExactThresholdKernel"/>, single-threaded:
/// it serves small grids such as the in-sample windows of <see cref="WalkForward"/>, where the actor pool's chunking
/// would cost more than it saves.
/// </summary>
public static class ThresholdSearch
{
    /// <summary>
    /// Returns the combination with the highest final equity among those with buy &lt; sell that make at least
    /// <paramref name="minTrades"/> entries and whose maximum drawdown is at most <paramref name="maxDrawdown"/>.
    /// Pairs are visited buy-major (each buy tick in order, then each sell tick in order) and the first of equal
    /// equities wins, so the answer does not depend on anything but the grid's order.
    /// </summary>
    /// <remarks>
    /// The drawdown compared is the kernel's, which can differ from <see cref="ThresholdReference"/>'s in the last
    /// bit (see <see cref="ExactThresholdKernel"/>); only a limit equal to a drawdown to 1e-16 can tell them apart.
    /// </remarks>
    public static ThresholdSearchResult Best(
        ExactThresholdKernel kernel,
        ReadOnlySpan<int> buyTicks,
        ReadOnlySpan<int> sellTicks,
        ThresholdCosts costs,
        int minTrades = 0,
        double maxDrawdown = 1.0)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentOutOfRangeException.ThrowIfNegative(minTrades);
        if (!(maxDrawdown >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(maxDrawdown), maxDrawdown, "the drawdown limit must be at least 0");
        }

        var evaluated = 0;
        var feasible = 0;
        var best = ThresholdSearchResult.None;
        foreach (var buy in buyTicks)
        {
            foreach (var sell in sellTicks)
            {
                if (buy >= sell)
                {
                    continue;
                }

                evaluated++;
                var run = kernel.Run(buy, sell, costs);
                if (run.Trades < minTrades || run.MaxDrawdown > maxDrawdown)
                {
                    continue;
                }

                feasible++;
                if (!best.Found || run.FinalEquity > best.Run.FinalEquity)
                {
                    best = new ThresholdSearchResult(true, buy, sell, run, 0, 0);
                }
            }
        }

        return best with { Evaluated = evaluated, Feasible = feasible };
    }
}

/// <summary>
/// The answer of <see cref="ThresholdSearch.Best"/>: whether any combination met the constraints, the best one's
/// ticks and run (zero ticks and a default run when none did), how many combinations with buy &lt; sell were
/// evaluated and how many of them met the constraints.
/// </summary>
public sealed record ThresholdSearchResult(bool Found, int BuyTick, int SellTick, ThresholdRun Run, int Evaluated, int Feasible)
{
    /// <summary>Gets the result of a search in which no combination met the constraints.</summary>
    public static ThresholdSearchResult None { get; } = new(false, 0, 0, default, 0, 0);
}
