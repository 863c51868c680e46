using ActorArb.Actors.Runtime;

namespace ActorArb.Actors.Optimization;

/// <summary>
/// A worker of the optimizer pool: evaluates each chunk it is sent with its evaluator (CPU kernel, GPU, or strategy
/// simulations) and replies with the results. A failing evaluator answers <see cref="OptimizerProtocol.ChunkFailed"/>
/// instead of crashing, so the coordinator can move the chunk to another worker.
/// </summary>
/// <typeparam name="TGrid">The grid.</typeparam>
/// <typeparam name="TResult">What one combination gives.</typeparam>
public sealed class GridWorkerActor<TGrid, TResult> : ReceiveActor
    where TGrid : IOptimizationGrid
{
    private GridWorkerActor(IGridEvaluator<TGrid, TResult> evaluator)
    {
        Receive<OptimizerProtocol.EvaluateChunk<TGrid>>(chunk =>
        {
            var results = new TResult[chunk.Count];
            try
            {
                evaluator.Evaluate(chunk.Grid, chunk.Offset, results);
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                Sender.Tell(new OptimizerProtocol.ChunkFailed(chunk.Offset, chunk.Count, evaluator.Name, error.Message), Self);
                return;
            }

            Sender.Tell(new OptimizerProtocol.ChunkEvaluated<TResult>(chunk.Offset, results, evaluator.Name), Self);
        });
    }

    /// <summary>Returns the props of a worker that evaluates with <paramref name="evaluator"/>.</summary>
    public static Props Props(IGridEvaluator<TGrid, TResult> evaluator)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        return Runtime.Props.Create(() => new GridWorkerActor<TGrid, TResult>(evaluator));
    }
}
