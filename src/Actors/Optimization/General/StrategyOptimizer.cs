using ActorArb.Actors.Runtime;
using ActorArb.Domain.Metrics;

namespace ActorArb.Actors.Optimization.General;

/// <summary>Runs a strategy grid through the optimizer on a smallest-mailbox pool of CPU workers, one per core unless told otherwise.</summary>
public static class StrategyOptimizer
{
    /// <summary>
    /// The chunk size: a combination replays the whole tape (milliseconds), so small chunks keep progress smooth and
    /// the cores balanced at no measurable messaging cost.
    /// </summary>
    public const int Chunk = 2;

    /// <summary>Evaluates every combination of <paramref name="grid"/>.</summary>
    /// <exception cref="InvalidOperationException">Every worker failed (the message says why).</exception>
    public static Task<OptimizerProtocol.Finished<PerformanceReport>> RunAsync(
        StrategyGrid grid,
        int cpuWorkers,
        Action<OptimizerProtocol.Progress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cpuWorkers);
        return GridOptimizer.RunAsync<StrategyGrid, PerformanceReport>(
            grid,
            system =>
            [
                new WorkerPool(
                    "cpu",
                    system.ActorOf(GridWorkerActor<StrategyGrid, PerformanceReport>.Props(new CpuStrategyEvaluator()).WithRouter(new SmallestMailboxPool(cpuWorkers)), "cpu"),
                    Chunk,
                    2 * cpuWorkers),
            ],
            progress,
            cancellationToken);
    }
}
