using ActorArb.Actors.Optimization.Cuda;
using ActorArb.Actors.Runtime;

namespace ActorArb.Actors.Optimization;

/// <summary>
/// Runs one grid on an actor system of its own: a coordinator, a smallest-mailbox pool of CPU workers (one per core
/// unless told otherwise) and, when given, a GPU worker taking large chunks. Progress is reported as chunks finish;
/// cancelling stops handing out chunks and returns what finished.
/// </summary>
public static class ThresholdOptimizer
{
    /// <summary>The chunk size of CPU workers: small enough for smooth progress and balance, large enough to amortise messages.</summary>
    public const int CpuChunk = 64;

    /// <summary>Evaluates every combination of <paramref name="grid"/>.</summary>
    /// <exception cref="InvalidOperationException">Every worker pool failed (the message says why).</exception>
    public static async Task<OptimizerProtocol.Finished> RunAsync(
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

        var system = ActorSystem.Create("optimizer");
        await using (system.ConfigureAwait(false))
        {
            var pools = new List<WorkerPool>();
            if (cpuWorkers > 0)
            {
                var cpu = system.ActorOf(ThresholdWorkerActor.Props(new CpuThresholdEvaluator()).WithRouter(new SmallestMailboxPool(cpuWorkers)), "cpu");
                pools.Add(new WorkerPool("cpu", cpu, CpuChunk, 2 * cpuWorkers));
            }

            if (gpu is not null)
            {
                var device = system.ActorOf(ThresholdWorkerActor.Props(new GpuThresholdEvaluator(gpu)), "gpu");
                pools.Add(new WorkerPool("gpu", device, Math.Max(CpuChunk, grid.Count / 4), 2));
            }

            var finished = new TaskCompletionSource<OptimizerProtocol.Finished>(TaskCreationOptions.RunContinuationsAsynchronously);
            var listener = system.ActorOf(Props.Create(() => new Listener(finished, progress)), "listener");
            var coordinator = system.ActorOf(OptimizerCoordinator.Props(grid, pools, listener), "coordinator");
            using (cancellationToken.Register(() => coordinator.Tell(new OptimizerProtocol.Cancel())))
            {
                return await finished.Task.ConfigureAwait(false);
            }
        }
    }

    /// <summary>Turns the coordinator's messages into progress callbacks and the task's outcome.</summary>
    private sealed class Listener : ReceiveActor
    {
        public Listener(TaskCompletionSource<OptimizerProtocol.Finished> finished, Action<OptimizerProtocol.Progress>? progress)
        {
            Receive<OptimizerProtocol.Progress>(p => progress?.Invoke(p));
            Receive<OptimizerProtocol.Finished>(f => finished.TrySetResult(f));
            Receive<OptimizerProtocol.Failed>(f => finished.TrySetException(new InvalidOperationException(f.Reason)));
        }
    }
}
