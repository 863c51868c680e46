using ActorArb.Domain.Metrics;

namespace ActorArb.Actors.Optimization.General;

/// <summary>Plays a chunk of strategy combinations over the tape on the calling thread (one per CPU worker) and keeps each run's metrics.</summary>
public sealed class CpuStrategyEvaluator : IGridEvaluator<StrategyGrid, PerformanceReport>
{
    /// <inheritdoc/>
    public string Name => "cpu-strategy";

    /// <inheritdoc/>
    public void Evaluate(StrategyGrid grid, int offset, Span<PerformanceReport> results)
    {
        ArgumentNullException.ThrowIfNull(grid);
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = grid.Run(offset + i).Metrics;
        }
    }
}
