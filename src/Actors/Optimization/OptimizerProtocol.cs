namespace ActorArb.Actors.Optimization;

/// <summary>The messages between the optimizer coordinator, its workers and whoever asked for the optimisation.</summary>
public static class OptimizerProtocol
{
    /// <summary>Asks a worker to evaluate combinations <c>[Offset, Offset + Count)</c> of <paramref name="Grid"/>.</summary>
    public sealed record EvaluateChunk<TGrid>(TGrid Grid, int Offset, int Count)
        where TGrid : IOptimizationGrid;

    /// <summary>A worker's answer: the results of one chunk, by the evaluator named <paramref name="Worker"/>.</summary>
    public sealed record ChunkEvaluated<TResult>(int Offset, TResult[] Results, string Worker);

    /// <summary>A worker could not evaluate a chunk; the coordinator hands it to another worker.</summary>
    public sealed record ChunkFailed(int Offset, int Count, string Worker, string Reason);

    /// <summary>Progress after each finished chunk: combinations done out of the total, and who did the last chunk.</summary>
    public sealed record Progress(int Done, int Total, string Worker);

    /// <summary>Asks the coordinator to stop handing out chunks; it finishes with what is done.</summary>
    public sealed record Cancel;

    /// <summary>The optimisation could not finish: every worker pool failed (the reason names each failure).</summary>
    public sealed record Failed(string Reason);

    /// <summary>
    /// The end of an optimisation: a result per combination (<paramref name="Done"/> marks the evaluated ones; all of
    /// them unless cancelled), how many each worker evaluated, and whether it was cancelled.
    /// </summary>
    public sealed record Finished<TResult>(TResult[] Results, bool[] Done, IReadOnlyDictionary<string, int> ByWorker, bool Cancelled);
}
