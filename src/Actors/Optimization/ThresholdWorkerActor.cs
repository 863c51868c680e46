using ActorArb.Actors.Runtime;
using ActorArb.Domain.Optimization;

namespace ActorArb.Actors.Optimization;

/// <summary>
/// A worker of the optimizer pool: evaluates each chunk it is sent with its evaluator (CPU kernel or GPU) and replies
/// with the results. A failing evaluator answers <see cref="OptimizerProtocol.ChunkFailed"/> instead of crashing, so
/// the coordinator can move the chunk to another worker.
/// </summary>
public sealed class ThresholdWorkerActor : ReceiveActor
{
    private ThresholdWorkerActor(IThresholdEvaluator evaluator)
    {
        Receive<OptimizerProtocol.EvaluateChunk>(chunk =>
        {
            var results = new ThresholdRun[chunk.Count];
            try
            {
                evaluator.Evaluate(chunk.Grid, chunk.Offset, results);
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                Sender.Tell(new OptimizerProtocol.ChunkFailed(chunk.Offset, chunk.Count, evaluator.Name, error.Message), Self);
                return;
            }

            Sender.Tell(new OptimizerProtocol.ChunkEvaluated(chunk.Offset, results, evaluator.Name), Self);
        });
    }

    /// <summary>Returns the props of a worker that evaluates with <paramref name="evaluator"/>.</summary>
    public static Props Props(IThresholdEvaluator evaluator)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        return Runtime.Props.Create(() => new ThresholdWorkerActor(evaluator));
    }
}
