using System.Globalization;
using ActorArb.Domain.Optimization;

namespace ActorArb.Domain.Tests.Optimization;

public sealed class WalkForwardSpecs
{
    private const string UsdcFile = "candles/kraken/USDCUSD-1m-20230301-20230321.csv";
    private static readonly ThresholdCosts Costs = new(0.001, 0.0002);
    private static readonly int[] Buys = Enumerable.Range(9_975, 25).ToArray();
    private static readonly int[] Sells = Enumerable.Range(9_990, 35).ToArray();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void WalkForward_should_tile_the_series_with_out_of_sample_windows_after_the_first_in_sample(bool anchored)
    {
        var series = Walk(31, 1_000);

        var report = WalkForward.Run(series, new WalkForwardOptions(300, 200, anchored), Buys, Sells, Costs);

        var expected = new[] { (300, 500), (500, 700), (700, 900), (900, 1_000) };
        Assert.Equal(expected, report.Windows.Select(w => (w.OutOfSampleStart, w.OutOfSampleEnd)));
        Assert.Equal(Enumerable.Range(0, 4), report.Windows.Select(w => w.Index));
        Assert.All(report.Windows, w => Assert.Equal(w.InSampleEnd, w.OutOfSampleStart));
        var inSampleStarts = anchored ? [0, 0, 0, 0] : new[] { 0, 200, 400, 600 };
        Assert.Equal(inSampleStarts, report.Windows.Select(w => w.InSampleStart));
        Assert.Equal(300, report.EquityCurveStart);
        Assert.Equal(700, report.EquityCurve.Length);
    }

    [Theory]
    [InlineData(false, 0, 1.0)]
    [InlineData(true, 0, 1.0)]
    [InlineData(false, 10, 0.0155)]
    [InlineData(true, 10, 0.02)]
    public void WalkForward_should_choose_the_in_sample_brute_force_best_and_trade_it_out_of_sample_like_the_reference(bool anchored, int minTrades, double maxDrawdown)
    {
        var series = Walk(32, 3_000);
        var options = new WalkForwardOptions(1_000, 450, anchored, minTrades, maxDrawdown);

        var report = WalkForward.Run(series, options, Buys, Sells, Costs);

        Assert.Equal(5, report.Windows.Length);
        var changed = 0;
        foreach (var window in report.Windows)
        {
            var inSample = series.Closes[window.InSampleStart..window.InSampleEnd];
            var outOfSample = series.Closes[window.OutOfSampleStart..window.OutOfSampleEnd];
            var best = BruteForce(inSample, minTrades, maxDrawdown);
            Assert.Equal(best?.Buy, window.BuyTick);
            Assert.Equal(best?.Sell, window.SellTick);
            changed += best != BruteForce(inSample, 0, 1.0) ? 1 : 0;
            if (best is { } chosen)
            {
                var buy = series.PriceOf(chosen.Buy);
                var sell = series.PriceOf(chosen.Sell);
                Assert.Equal(ThresholdReference.Run(inSample, buy, sell, Costs), window.InSample);
                Assert.Equal(ThresholdReference.Run(outOfSample, buy, sell, Costs), window.OutOfSample);
                Assert.True(window.InSample.Trades >= minTrades && window.InSample.MaxDrawdown <= maxDrawdown);
            }
        }

        // The constrained cases must both change some window's choice and still trade in some window.
        Assert.Equal(minTrades > 0, changed > 0);
        Assert.Contains(report.Windows, w => w.BuyTick is not null);
    }

    [Fact]
    public void WalkForward_should_compound_the_windows_into_the_curve_and_the_overall_equity()
    {
        var series = Walk(33, 2_500);

        var report = WalkForward.Run(series, new WalkForwardOptions(800, 300, Anchored: false), Buys, Sells, Costs);

        var compounded = 1.0;
        var inSample = 1.0;
        foreach (var window in report.Windows)
        {
            var before = compounded;
            compounded *= window.OutOfSample.FinalEquity;
            inSample *= window.InSample.FinalEquity;
            Assert.Equal(compounded, report.EquityCurve[window.OutOfSampleEnd - report.EquityCurveStart - 1]);

            // Inside a window the curve is the compounded start times the reference's equity over the bars so far.
            var mid = window.OutOfSampleStart + (window.OutOfSampleBars / 2);
            var sofar = ThresholdReference.Run(
                series.Closes[window.OutOfSampleStart..(mid + 1)], series.PriceOf(window.BuyTick!.Value), series.PriceOf(window.SellTick!.Value), Costs);
            Assert.Equal(before * sofar.FinalEquity, report.EquityCurve[mid - report.EquityCurveStart]);
        }

        Assert.Equal(compounded, report.OutOfSampleEquity);
        Assert.Equal(report.OutOfSampleEquity, report.EquityCurve[^1]);
        Assert.Equal(inSample, report.InSampleEquity);
        Assert.NotEqual(1.0, report.OutOfSampleEquity);
        Assert.Contains(report.Windows, w => w.OutOfSample.Trades > 0);
    }

    [Fact]
    public void WalkForward_should_measure_efficiency_as_out_of_sample_over_in_sample_log_growth_per_bar()
    {
        var series = Walk(34, 2_000);

        var report = WalkForward.Run(series, new WalkForwardOptions(700, 400, Anchored: true), Buys, Sells, Costs);

        foreach (var window in report.Windows)
        {
            var expected = window.InSample.FinalEquity > 1
                ? (Math.Log(window.OutOfSample.FinalEquity) / window.OutOfSampleBars) / (Math.Log(window.InSample.FinalEquity) / window.InSampleBars)
                : double.NaN;
            Assert.Equal(expected, window.Efficiency);
        }

        Assert.All(report.Windows, w => Assert.True(w.InSample.FinalEquity > 1));
        var inSampleBars = report.Windows.Sum(w => w.InSampleBars);
        var overall = (Math.Log(report.OutOfSampleEquity) / report.EquityCurve.Length) / (Math.Log(report.InSampleEquity) / inSampleBars);
        Assert.Equal(overall, report.Efficiency);
        Assert.Equal(700 + 1_100 + 1_500 + 1_900, inSampleBars);
    }

    [Fact]
    public void WalkForward_should_stay_in_cash_with_nan_efficiency_when_no_combination_meets_the_constraints()
    {
        var series = Walk(35, 1_500);

        var report = WalkForward.Run(series, new WalkForwardOptions(500, 250, false, MinTrades: 1_000_000), Buys, Sells, Costs);

        Assert.Equal(4, report.Windows.Length);
        Assert.All(report.Windows, w =>
        {
            Assert.Null(w.BuyTick);
            Assert.Null(w.SellTick);
            Assert.Equal(new ThresholdRun(1.0, 0, 0.0), w.OutOfSample);
            Assert.True(double.IsNaN(w.Efficiency));
        });
        Assert.All(report.EquityCurve, e => Assert.Equal(1.0, e));
        Assert.Equal(1.0, report.OutOfSampleEquity);
        Assert.True(double.IsNaN(report.Efficiency));
    }

    [Fact]
    public void WalkForward_should_name_the_option_when_the_series_or_a_size_cannot_make_a_window()
    {
        var series = Walk(36, 100);

        var tooShort = Assert.Throws<ArgumentException>(() => WalkForward.Run(series, new WalkForwardOptions(100, 10, false), Buys, Sells, Costs));
        var noInSample = Assert.Throws<ArgumentOutOfRangeException>(() => WalkForward.Run(series, new WalkForwardOptions(0, 10, false), Buys, Sells, Costs));
        var noOutOfSample = Assert.Throws<ArgumentOutOfRangeException>(() => WalkForward.Run(series, new WalkForwardOptions(10, -1, true), Buys, Sells, Costs));

        Assert.Contains("InSampleBars", tooShort.Message, StringComparison.Ordinal);
        Assert.Contains("100 bars", tooShort.Message, StringComparison.Ordinal);
        Assert.Equal("InSampleBars", noInSample.ParamName);
        Assert.Equal("OutOfSampleBars", noOutOfSample.ParamName);
        Assert.Single(WalkForward.Run(series, new WalkForwardOptions(99, 10, false), Buys, Sells, Costs).Windows);
    }

    [Fact]
    public void WalkForward_should_hold_its_invariants_when_run_on_kraken_usdc_minutes()
    {
        if (!SharedData.TryGet(UsdcFile, out var path))
        {
            return;
        }

        var series = new TickSeries(ReadCloses(path), 4);
        var day = 24 * 60;
        var options = new WalkForwardOptions(7 * day, 2 * day, Anchored: false, MinTrades: 1);
        var buys = Enumerable.Range(9_950, 60).ToArray();
        var sells = Enumerable.Range(9_990, 60).ToArray();

        var report = WalkForward.Run(series, options, buys, sells, Costs);

        Assert.Equal((series.Length - options.InSampleBars + options.OutOfSampleBars - 1) / options.OutOfSampleBars, report.Windows.Length);
        Assert.Equal(series.Length - options.InSampleBars, report.EquityCurve.Length);
        Assert.Equal(series.Length, report.Windows[^1].OutOfSampleEnd);
        Assert.Equal(report.OutOfSampleEquity, report.EquityCurve[^1]);
        Assert.All(report.EquityCurve, e => Assert.True(e > 0 && double.IsFinite(e)));
        foreach (var window in report.Windows.Where(w => w.BuyTick is not null))
        {
            Assert.True(window.BuyTick < window.SellTick);
            Assert.True(window.InSample.Trades >= 1);
            var inSample = new TickSeries(series.Closes[window.InSampleStart..window.InSampleEnd].ToArray(), 4);
            Assert.True(window.InSample.FinalEquity <= HindsightBound.Compute(inSample.Closes, Costs).MaxEquity);
        }
    }

    private static TickSeries Walk(int seed, int bars) => new(SeriesFiles.Walk(seed, bars, 10_000, 0.02, 12, 4), 4);

    private static (int Buy, int Sell)? BruteForce(ReadOnlySpan<double> closes, int minTrades, double maxDrawdown)
    {
        (int Buy, int Sell)? best = null;
        var bestEquity = double.NegativeInfinity;
        foreach (var buy in Buys)
        {
            foreach (var sell in Sells)
            {
                if (buy >= sell)
                {
                    continue;
                }

                var run = ThresholdReference.Run(closes, buy / 10_000.0, sell / 10_000.0, Costs);
                if (run.Trades >= minTrades && run.MaxDrawdown <= maxDrawdown && run.FinalEquity > bestEquity)
                {
                    best = (buy, sell);
                    bestEquity = run.FinalEquity;
                }
            }
        }

        return best;
    }

    /// <summary>Reads the close column of a candle CSV with a header row.</summary>
    private static List<double> ReadCloses(string path)
    {
        var lines = File.ReadLines(path);
        var column = Array.IndexOf(lines.First().Split(','), "close");
        return lines.Skip(1).Where(l => l.Length > 0).Select(l => double.Parse(l.Split(',')[column], CultureInfo.InvariantCulture)).ToList();
    }
}
