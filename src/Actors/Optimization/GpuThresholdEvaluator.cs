using ActorArb.Actors.Optimization.Cuda;
using ActorArb.Domain.Optimization;

namespace ActorArb.Actors.Optimization;

/// <summary>Evaluates chunks on a CUDA device through <see cref="CudaThresholdWorker"/>; its results equal the CPU's bit for bit.</summary>
public sealed class GpuThresholdEvaluator : IGridEvaluator<ThresholdCombos, ThresholdRun>
{
    private readonly CudaThresholdWorker _worker;

    /// <summary>Wraps <paramref name="worker"/>, which the caller keeps and disposes.</summary>
    public GpuThresholdEvaluator(CudaThresholdWorker worker)
    {
        ArgumentNullException.ThrowIfNull(worker);
        _worker = worker;
        Name = "gpu " + worker.DeviceName;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public void Evaluate(ThresholdCombos grid, int offset, Span<ThresholdRun> results)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var buys = new double[results.Length];
        var sells = new double[results.Length];
        for (var i = 0; i < results.Length; i++)
        {
            buys[i] = grid.Series.PriceOf(grid.BuyTicks[offset + i]);
            sells[i] = grid.Series.PriceOf(grid.SellTicks[offset + i]);
        }

        _worker.Evaluate(grid.Series.Closes, buys, sells, grid.Costs, results);
    }
}
