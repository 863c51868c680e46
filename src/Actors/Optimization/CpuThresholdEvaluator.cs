using ActorArb.Domain.Optimization;

namespace ActorArb.Actors.Optimization;

/// <summary>Evaluates chunks with the exact first-passage kernel on the calling thread (one per CPU worker).</summary>
public sealed class CpuThresholdEvaluator : IGridEvaluator<ThresholdCombos, ThresholdRun>
{
    /// <inheritdoc/>
    public string Name { get; } = "cpu-" + ExactThresholdKernel.SimdPath;

    /// <inheritdoc/>
    public void Evaluate(ThresholdCombos grid, int offset, Span<ThresholdRun> results)
    {
        ArgumentNullException.ThrowIfNull(grid);
        grid.Kernel.Run(grid.BuyTicks.Slice(offset, results.Length), grid.SellTicks.Slice(offset, results.Length), grid.Costs, results);
    }
}
