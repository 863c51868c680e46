using ActorArb.Domain.Optimization;

namespace ActorArb.Actors.Optimization;

/// <summary>
/// The combinations of one threshold grid over one series, in b-major order (buy outer, sell inner), keeping only
/// buy &lt; sell. Immutable, so chunks of it can be handed to workers by offset.
/// </summary>
public sealed class ThresholdCombos : IOptimizationGrid
{
    private readonly int[] _buyTicks;
    private readonly int[] _sellTicks;

    /// <summary>Pairs every buy tick with every higher sell tick.</summary>
    public ThresholdCombos(TickSeries series, ExactThresholdKernel kernel, IReadOnlyList<int> buyTicks, IReadOnlyList<int> sellTicks, ThresholdCosts costs)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(buyTicks);
        ArgumentNullException.ThrowIfNull(sellTicks);
        Series = series;
        Kernel = kernel;
        Costs = costs;
        var buys = new List<int>();
        var sells = new List<int>();
        foreach (var buy in buyTicks)
        {
            foreach (var sell in sellTicks)
            {
                if (buy < sell)
                {
                    buys.Add(buy);
                    sells.Add(sell);
                }
            }
        }

        _buyTicks = [.. buys];
        _sellTicks = [.. sells];
    }

    /// <summary>Gets the series every combination runs over.</summary>
    public TickSeries Series { get; }

    /// <summary>Gets the exact kernel built over <see cref="Series"/>.</summary>
    public ExactThresholdKernel Kernel { get; }

    /// <summary>Gets the fee and slippage.</summary>
    public ThresholdCosts Costs { get; }

    /// <summary>Gets the number of combinations.</summary>
    public int Count => _buyTicks.Length;

    /// <summary>Gets the buy ticks, one per combination.</summary>
    public ReadOnlySpan<int> BuyTicks => _buyTicks;

    /// <summary>Gets the sell ticks, one per combination.</summary>
    public ReadOnlySpan<int> SellTicks => _sellTicks;
}
