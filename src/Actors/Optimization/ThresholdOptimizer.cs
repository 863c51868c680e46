using ActorArb.Actors.Optimization.Cuda;
using ActorArb.Actors.Runtime;
using ActorArb.Domain.Optimization;

namespace ActorArb.Actors.Optimization;

/// <summary>
/// Runs a threshold grid through the optimizer: a smallest-mailbox pool of CPU workers running the exact kernel (one
/// per core unless told otherwise) and, when given, a GPU worker taking large chunks.
/// </summary>
public static class ThresholdOptimizer
{
    /// <summary>The chunk size of CPU workers: small enough for smooth progress and balance, large enough to amortise messages.</summary>
    public const int CpuChunk = 64;

    /// <summary>Evaluates every combination of <paramref name="grid"/>.</summary>
    /// <exception cref="InvalidOperationException">Every worker pool failed (the message says why).</exception>
    public static Task<OptimizerProtocol.Finished<ThresholdRun>> RunAsync(
        ThresholdCombos grid,
        int cpuWorkers,
        CudaThresholdWorker? gpu,
        Action<OptimizerProtocol.Progress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentOutOfRangeException.ThrowIfNegative(cpuWorkers);
        if (cpuWorkers == 0 && gpu is null)
        {
            throw new ArgumentException("the optimizer needs CPU workers or a GPU", nameof(cpuWorkers));
        }

        return GridOptimizer.RunAsync<ThresholdCombos, ThresholdRun>(
            grid,
            system =>
            {
                var pools = new List<WorkerPool>();
                if (cpuWorkers > 0)
                {
                    var cpu = system.ActorOf(GridWorkerActor<ThresholdCombos, ThresholdRun>.Props(new CpuThresholdEvaluator()).WithRouter(new SmallestMailboxPool(cpuWorkers)), "cpu");
                    pools.Add(new WorkerPool("cpu", cpu, CpuChunk, 2 * cpuWorkers));
                }

                if (gpu is not null)
                {
                    var device = system.ActorOf(GridWorkerActor<ThresholdCombos, ThresholdRun>.Props(new GpuThresholdEvaluator(gpu)), "gpu");
                    pools.Add(new WorkerPool("gpu", device, Math.Max(CpuChunk, grid.Count / 4), 2));
                }

                return pools;
            },
            progress,
            cancellationToken);
    }
}
