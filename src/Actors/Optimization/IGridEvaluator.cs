namespace ActorArb.Actors.Optimization;

/// <summary>Evaluates a chunk of a grid's combinations: the work a CPU or GPU worker does.</summary>
/// <typeparam name="TGrid">The grid.</typeparam>
/// <typeparam name="TResult">What one combination gives.</typeparam>
public interface IGridEvaluator<in TGrid, TResult>
    where TGrid : IOptimizationGrid
{
    /// <summary>Gets a short name for progress and reports, e.g. <c>cpu-avx512</c> or the GPU's name.</summary>
    string Name { get; }

    /// <summary>Evaluates combinations <c>[offset, offset + results.Length)</c> of <paramref name="grid"/> into <paramref name="results"/>.</summary>
    void Evaluate(TGrid grid, int offset, Span<TResult> results);
}
