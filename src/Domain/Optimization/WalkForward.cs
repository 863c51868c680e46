using System.Collections.Immutable;
using System.Globalization;

namespace ActorArb.Domain.Optimization;

/// <summary>
/// Walk-forward analysis of the threshold strategy: each in-sample window is searched with
/// <see cref="ThresholdSearch"/> and the next out-of-sample window is traded with the combination chosen there, so
/// the out-of-sample results show what the optimisation would have earned without hindsight. Window k's
/// out-of-sample bars are [IS + k × OOS, IS + (k + 1) × OOS) cut at the series end; its in-sample bars are the IS bars
/// before them (rolling) or all bars before them (anchored).
/// </summary>
public static class WalkForward
{
    /// <summary>Runs the walk-forward of <paramref name="series"/> over the (buy, sell) tick grid.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A window size is not positive, the minimum trades are negative or the drawdown limit is negative.</exception>
    /// <exception cref="ArgumentException">The series is too short to leave one out-of-sample bar after the in-sample window.</exception>
    public static WalkForwardReport Run(
        TickSeries series,
        WalkForwardOptions options,
        ReadOnlySpan<int> buyTicks,
        ReadOnlySpan<int> sellTicks,
        ThresholdCosts costs)
    {
        ArgumentNullException.ThrowIfNull(series);
        Validate(series, options);
        var closes = series.Closes.ToArray();
        var windows = ImmutableArray.CreateBuilder<WalkForwardWindow>();
        var curve = new double[closes.Length - options.InSampleBars];
        var outOfSampleEquity = 1.0;
        var inSampleEquity = 1.0;
        var inSampleBarsTotal = 0;
        for (var oosStart = options.InSampleBars; oosStart < closes.Length; oosStart += options.OutOfSampleBars)
        {
            var isStart = options.Anchored ? 0 : oosStart - options.InSampleBars;
            var oosEnd = Math.Min(oosStart + options.OutOfSampleBars, closes.Length);
            var inSample = new TickSeries(new ArraySegment<double>(closes, isStart, oosStart - isStart), series.Decimals);
            var found = ThresholdSearch.Best(
                new ExactThresholdKernel(inSample), buyTicks, sellTicks, costs, options.MinTrades, options.MaxDrawdown);
            var outOfSample = closes.AsSpan(oosStart, oosEnd - oosStart);
            WalkForwardWindow window;
            if (found.Found)
            {
                var buy = series.PriceOf(found.BuyTick);
                var sell = series.PriceOf(found.SellTick);
                var isRun = ThresholdReference.Run(inSample.Closes, buy, sell, costs);
                var oosRun = TraceEquity(outOfSample, buy, sell, costs, outOfSampleEquity, curve, oosStart - options.InSampleBars);
                window = new WalkForwardWindow(
                    windows.Count, isStart, oosStart, oosStart, oosEnd, found.BuyTick, found.SellTick, isRun, oosRun,
                    Efficiency(oosRun.FinalEquity, outOfSample.Length, isRun.FinalEquity, inSample.Length));
            }
            else
            {
                curve.AsSpan(oosStart - options.InSampleBars, outOfSample.Length).Fill(outOfSampleEquity);
                var idle = new ThresholdRun(1.0, 0, 0.0);
                window = new WalkForwardWindow(windows.Count, isStart, oosStart, oosStart, oosEnd, null, null, idle, idle, double.NaN);
            }

            windows.Add(window);
            outOfSampleEquity *= window.OutOfSample.FinalEquity;
            inSampleEquity *= window.InSample.FinalEquity;
            inSampleBarsTotal += window.InSampleBars;
        }

        return new WalkForwardReport(
            windows.ToImmutable(),
            outOfSampleEquity,
            inSampleEquity,
            Efficiency(outOfSampleEquity, curve.Length, inSampleEquity, inSampleBarsTotal),
            ImmutableArray.Create(curve));
    }

    private static void Validate(TickSeries series, WalkForwardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.InSampleBars, nameof(WalkForwardOptions.InSampleBars));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.OutOfSampleBars, nameof(WalkForwardOptions.OutOfSampleBars));
        ArgumentOutOfRangeException.ThrowIfNegative(options.MinTrades, nameof(WalkForwardOptions.MinTrades));
        if (!(options.MaxDrawdown >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(WalkForwardOptions.MaxDrawdown), options.MaxDrawdown, "the drawdown limit must be at least 0");
        }

        if (series.Length <= options.InSampleBars)
        {
            throw new ArgumentException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"the series has {series.Length} bars, too few for one walk-forward window: InSampleBars ({options.InSampleBars}) must leave at least one out-of-sample bar"),
                nameof(options));
        }
    }

    /// <summary>
    /// Returns the log growth per bar out of sample over the same in sample; NaN when the in-sample growth is not
    /// positive, since dividing by zero or a loss would rank a worse out-of-sample result higher.
    /// </summary>
    private static double Efficiency(double outOfSampleEquity, int outOfSampleBars, double inSampleEquity, int inSampleBars) =>
        inSampleEquity > 1.0
            ? (Math.Log(outOfSampleEquity) / outOfSampleBars) / (Math.Log(inSampleEquity) / inSampleBars)
            : double.NaN;

    /// <summary>
    /// Runs <see cref="ThresholdReference"/> over <paramref name="closes"/> and writes <paramref name="start"/> × its
    /// equity at each bar into <paramref name="curve"/> from <paramref name="offset"/>, so the last entry is
    /// <paramref name="start"/> × the returned run's final equity exactly.
    /// </summary>
    private static ThresholdRun TraceEquity(ReadOnlySpan<double> closes, double buy, double sell, ThresholdCosts costs, double start, double[] curve, int offset)
    {
        var trace = new Trace(curve, offset, start);
        return ThresholdReference.Run(closes, buy, sell, costs, ref trace);
    }

    /// <summary>Writes each bar's equity, scaled, into the curve.</summary>
    private readonly struct Trace(double[] curve, int offset, double start) : IThresholdObserver
    {
        public void OnBar(int bar, double equity) => curve[offset + bar] = start * equity;

        public void OnEntry(double cash)
        {
        }

        public void OnExit(double cash)
        {
        }
    }
}
