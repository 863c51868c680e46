namespace ActorArb.Domain.Optimization;

/// <summary>
/// The threshold strategy over a whole series at the cost of its fills rather than its bars: from each position it
/// jumps to the next first passage (the next bar at or below the buy tick when flat, at or above the sell tick when
/// long) with <see cref="TickRangeIndex"/>, and settles each long stretch's peak and drawdown from the lowest and
/// highest ticks those passages fold on the way.
/// </summary>
/// <remarks>
/// <para>
/// Fills, trades and the final equity are the same doubles as <see cref="ThresholdReference"/>: the fills happen at
/// the same bars (ticks compare as the doubles do, see <see cref="TickSeries"/>) and use the same operations. The
/// running peak and the drawdown floor follow the reference's rule exactly through the part of a long stretch that
/// the peak does not move (the lowest equity there decides); from the first new peak on, the drawdown is the deepest
/// peak-to-trough fall of the rest of the stretch, compared in exact tick ratios, which can differ from the
/// reference's floor comparisons in the last bit when two falls are equally deep. The optimizer therefore re-runs
/// the combinations it reports through the reference.
/// </para>
/// <para>An instance is immutable after construction and can serve any number of threads.</para>
/// </remarks>
public sealed class ExactThresholdKernel
{
    private readonly TickSeries _series;
    private readonly TickRangeIndex _index;

    /// <summary>Builds the range index of <paramref name="series"/> (one pass over its bars).</summary>
    public ExactThresholdKernel(TickSeries series)
        : this(series, TickScan.Widest)
    {
    }

    /// <summary>Builds the range index of <paramref name="series"/> with scans at <paramref name="width"/> (tests force each path).</summary>
    internal ExactThresholdKernel(TickSeries series, ScanWidth width)
    {
        ArgumentNullException.ThrowIfNull(series);
        _series = series;
        _index = TickRangeIndex.Create(series.Ticks, width);
    }

    /// <summary>Gets the series the kernel answers for.</summary>
    public TickSeries Series => _series;

    /// <summary>Gets which vector width the bar scans use on this machine: avx512, avx2 or scalar.</summary>
    public static string SimdPath => TickScan.Path;

    /// <summary>Runs one combination: buy at or below <paramref name="buyTick"/>, sell at or above <paramref name="sellTick"/>.</summary>
    public ThresholdRun Run(int buyTick, int sellTick, ThresholdCosts costs)
    {
        var closes = _series.Closes;
        var n = closes.Length;
        var state = new RunState { Peak = 1.0, Floor = 1.0 };
        var equity = 1.0;
        var trades = 0;
        var from = 0;
        while (true)
        {
            var entry = _index.FirstAtMost(from, buyTick);
            if (entry >= n)
            {
                return new ThresholdRun(equity, trades, state.MaxDrawdown);
            }

            var units = costs.BuyUnits(equity, closes[entry]);
            trades++;
            var exit = Hold(entry, sellTick, units, ref state);
            if (exit >= n)
            {
                return new ThresholdRun(units * closes[n - 1], trades, state.MaxDrawdown);
            }

            equity = costs.SellProceeds(units, closes[exit]);
            state.Step(equity);
            from = exit + 1;
        }
    }

    /// <summary>Runs the combinations <c>(buyTicks[i], sellTicks[i])</c> into <paramref name="results"/>.</summary>
    public void Run(ReadOnlySpan<int> buyTicks, ReadOnlySpan<int> sellTicks, ThresholdCosts costs, Span<ThresholdRun> results)
    {
        if (buyTicks.Length != sellTicks.Length || results.Length != buyTicks.Length)
        {
            throw new ArgumentException("buy ticks, sell ticks and results must have the same length");
        }

        for (var i = 0; i < results.Length; i++)
        {
            results[i] = Run(buyTicks[i], sellTicks[i], costs);
        }
    }

    /// <summary>
    /// Holds from <paramref name="entry"/> until the first later bar at or above <paramref name="sellTick"/> and returns
    /// that bar (or the series' length), settling the peak and drawdown of the long bars in between. One passage runs
    /// to the first new peak or the exit, whichever comes first, and gives the lowest bar before it; a second runs
    /// from the new peak to the exit and gives the highest and lowest bar, which bound the falls there.
    /// </summary>
    private int Hold(int entry, int sellTick, double units, ref RunState state)
    {
        var ticks = _series.Ticks;
        var tickAbove = TickAbove(state.Peak, units);
        var newPeak = entry;
        if (ticks[entry] < tickAbove)
        {
            var calm = _index.FirstAtLeast(entry + 1, Math.Min(tickAbove, sellTick));
            state.Step(units * _series.PriceOf(Math.Min(ticks[entry], calm.Min)));
            if (calm.At >= ticks.Length || ticks[calm.At] >= sellTick)
            {
                return calm.At;
            }

            newPeak = calm.At;
        }

        var rise = _index.FirstAtLeast(newPeak + 1, sellTick);
        var highest = Math.Max(ticks[newPeak], rise.Max);
        if (MayDeepen(highest, Math.Min(ticks[newPeak], rise.Min), state.MaxDrawdown))
        {
            var drop = _index.DeepestDrop(newPeak, rise.At);
            if (drop.Trough < drop.Peak)
            {
                var peak = units * _series.PriceOf(drop.Peak);
                var drawdown = (peak - (units * _series.PriceOf(drop.Trough))) / peak;
                if (drawdown > state.MaxDrawdown)
                {
                    state.MaxDrawdown = drawdown;
                }
            }
        }

        // Every fall after the new peak is within the drawdown now, so the highest bar sets the peak and the floor.
        state.Step(units * _series.PriceOf(highest));
        return rise.At;
    }

    /// <summary>
    /// Returns whether a fall inside a stretch whose ticks lie between <paramref name="low"/> and
    /// <paramref name="high"/> could exceed <paramref name="maxDrawdown"/>: a cheap bound (equity ratios are tick
    /// ratios) that spares most stretches the deepest-drop query. The margin keeps a fall the bound rounds just below
    /// the drawdown in play.
    /// </summary>
    private static bool MayDeepen(int high, int low, double maxDrawdown) => high - (double)low > maxDrawdown * (1 - 1e-12) * high;

    /// <summary>Returns the lowest tick whose equity with <paramref name="units"/> exceeds <paramref name="peak"/>.</summary>
    private int TickAbove(double peak, double units)
    {
        var tick = (long)Math.Floor(peak / units * _series.Scale);
        while (!(units * (tick / _series.Scale) > peak))
        {
            tick++;
        }

        while (units * ((tick - 1) / _series.Scale) > peak)
        {
            tick--;
        }

        return (int)Math.Min(tick, int.MaxValue);
    }

    /// <summary>The reference's running peak and drawdown floor.</summary>
    private struct RunState
    {
        public double Peak;
        public double MaxDrawdown;
        public double Floor;

        public void Step(double equity)
        {
            if (equity > Peak)
            {
                Peak = equity;
                Floor = Peak * (1.0 - MaxDrawdown);
            }
            else if (equity < Floor)
            {
                MaxDrawdown = (Peak - equity) / Peak;
                Floor = equity;
            }
        }
    }
}
