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
            var curveSlice = curve.AsSpan(oosStart - options.InSampleBars, outOfSample.Length);
            WalkForwardWindow window;
            if (found.Found)
            {
                var buy = series.PriceOf(found.BuyTick);
                var sell = series.PriceOf(found.SellTick);
                var isRun = ThresholdReference.Run(inSample.Closes, buy, sell, costs);
                var oosRun = ThresholdReference.Run(outOfSample, buy, sell, costs);
                TraceEquity(outOfSample, buy, sell, costs, outOfSampleEquity, curveSlice);
                window = new WalkForwardWindow(
                    windows.Count, isStart, oosStart, oosStart, oosEnd, found.BuyTick, found.SellTick, isRun, oosRun,
                    Efficiency(oosRun.FinalEquity, outOfSample.Length, isRun.FinalEquity, inSample.Length));
            }
            else
            {
                curveSlice.Fill(outOfSampleEquity);
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
    /// Writes <paramref name="start"/> × the equity of a run starting flat with cash 1 at each bar of
    /// <paramref name="closes"/>: the fills and equities of <see cref="ThresholdReference.Run"/> in the same operation
    /// order, so the last entry is <paramref name="start"/> × that run's final equity exactly.
    /// </summary>
    private static void TraceEquity(ReadOnlySpan<double> closes, double buy, double sell, ThresholdCosts costs, double start, Span<double> curve)
    {
        var cash = 1.0;
        var units = 0.0;
        var isLong = false;
        var equity = 1.0;
        for (var i = 0; i < closes.Length; i++)
        {
            var close = closes[i];
            if (isLong)
            {
                if (close >= sell)
                {
                    cash = costs.SellProceeds(units, close);
                    units = 0.0;
                    isLong = false;
                    equity = cash;
                }
                else
                {
                    equity = units * close;
                }
            }
            else if (close <= buy)
            {
                units = cash * costs.BuyFactor / (close * costs.BuyDivisor);
                cash = 0.0;
                isLong = true;
                equity = units * close;
            }

            curve[i] = start * equity;
        }
    }
}
