using ActorArb.Actors.Runtime;

namespace ActorArb.Actors.Optimization;

/// <summary>
/// Runs one grid on an actor system of its own: the worker pools the caller creates in it, an
/// <see cref="OptimizerCoordinator{TGrid, TResult}"/> feeding them, and a listener turning its messages into progress
/// callbacks and the task's outcome. Cancelling stops handing out chunks and returns what finished.
/// </summary>
public static class GridOptimizer
{
    /// <summary>Evaluates every combination of <paramref name="grid"/> on the pools <paramref name="createPools"/> makes.</summary>
    /// <exception cref="InvalidOperationException">Every worker pool failed (the message says why).</exception>
    public static async Task<OptimizerProtocol.Finished<TResult>> RunAsync<TGrid, TResult>(
        TGrid grid,
        Func<ActorSystem, IReadOnlyList<WorkerPool>> createPools,
        Action<OptimizerProtocol.Progress>? progress,
        CancellationToken cancellationToken)
        where TGrid : IOptimizationGrid
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(createPools);
        var system = ActorSystem.Create("optimizer");
        await using (system.ConfigureAwait(false))
        {
            var pools = createPools(system);
            var finished = new TaskCompletionSource<OptimizerProtocol.Finished<TResult>>(TaskCreationOptions.RunContinuationsAsynchronously);
            var listener = system.ActorOf(Props.Create(() => new Listener<TResult>(finished, progress)), "listener");
            var coordinator = system.ActorOf(OptimizerCoordinator<TGrid, TResult>.Props(grid, pools, listener), "coordinator");
            using (cancellationToken.Register(() => coordinator.Tell(new OptimizerProtocol.Cancel())))
            {
                return await finished.Task.ConfigureAwait(false);
            }
        }
    }

    /// <summary>Turns the coordinator's messages into progress callbacks and the task's outcome.</summary>
    private sealed class Listener<TResult> : ReceiveActor
    {
        public Listener(TaskCompletionSource<OptimizerProtocol.Finished<TResult>> finished, Action<OptimizerProtocol.Progress>? progress)
        {
            Receive<OptimizerProtocol.Progress>(p => progress?.Invoke(p));
            Receive<OptimizerProtocol.Finished<TResult>>(f => finished.TrySetResult(f));
            Receive<OptimizerProtocol.Failed>(f => finished.TrySetException(new InvalidOperationException(f.Reason)));
        }
    }
}
