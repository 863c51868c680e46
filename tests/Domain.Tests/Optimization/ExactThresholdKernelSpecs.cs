using ActorArb.Domain.Optimization;

namespace ActorArb.Domain.Tests.Optimization;

public sealed class ExactThresholdKernelSpecs
{
    private static readonly ThresholdCosts Fee10Bps = new(0.001, 0);

    [Fact]
    public void Kernel_should_reproduce_the_known_answers_of_the_synthetic_year_at_every_width()
    {
        if (!SharedData.TryGet(SeriesFiles.Synthetic, out var path))
        {
            return;
        }

        var series = new TickSeries(SeriesFiles.Closes(path), 4);
        Assert.Equal(5_255_680_545L, series.Ticks.ToArray().Sum(t => (long)t));
        foreach (var width in Enum.GetValues<ScanWidth>())
        {
            AssertKnownAnswers(new ExactThresholdKernel(series, width));
        }
    }

    [Theory]
    [InlineData(1, 10_000, 4, 0.001, 0.0)]
    [InlineData(2, 10_000, 4, 0.0005, 0.0002)]
    [InlineData(3, 6_000_000, 2, 0.001, 0.0005)]
    [InlineData(4, 100, 2, 0.0, 0.0)]
    public void Kernel_should_equal_the_bar_by_bar_reference_on_random_series_at_every_width(int seed, int center, int decimals, double fee, double slippage)
    {
        // Wide prices (6,000,000 ticks with a large spread) take the 32-bit path, 10,000 ticks the 16-bit one and
        // 100 ticks the 8-bit one; each runs at every vector width.
        var sigma = center / 400.0;
        var closes = SeriesFiles.Walk(seed, 20_000, center, 0.01, sigma, decimals);
        var series = new TickSeries(closes, decimals);
        var costs = new ThresholdCosts(fee, slippage);
        foreach (var width in Enum.GetValues<ScanWidth>())
        {
            var kernel = new ExactThresholdKernel(series, width);
            var random = new Random(seed);
            for (var k = 0; k < 300; k++)
            {
                var buy = center - (int)(random.NextDouble() * 6 * sigma);
                var sell = buy + 1 + (int)(random.NextDouble() * 8 * sigma);
                var fast = kernel.Run(buy, sell, costs);
                var reference = ThresholdReference.Run(series.Closes, series.PriceOf(buy), series.PriceOf(sell), costs);
                Assert.Equal(reference.FinalEquity, fast.FinalEquity);
                Assert.Equal(reference.Trades, fast.Trades);
                Assert.Equal(reference.MaxDrawdown, fast.MaxDrawdown, 1e-12);
            }
        }
    }

    [Fact]
    public void Kernel_should_handle_a_flat_series_a_single_bar_and_a_position_open_at_the_end()
    {
        var flat = new ExactThresholdKernel(new TickSeries(Enumerable.Repeat(1.0, 1000).ToList(), 4));
        Assert.Equal(ThresholdReference.Run(flat.Series.Closes, 1.0, 1.0001, Fee10Bps), flat.Run(10000, 10001, Fee10Bps));
        Assert.Equal(new ThresholdRun(1.0, 0, 0), flat.Run(9999, 10001, Fee10Bps));

        var single = new ExactThresholdKernel(new TickSeries([0.99], 4));
        Assert.Equal(ThresholdReference.Run(single.Series.Closes, 0.99, 1.01, Fee10Bps), single.Run(9900, 10100, Fee10Bps));

        var falling = new TickSeries(Enumerable.Range(0, 300).Select(i => (10_000 - i) / 10_000.0).ToList(), 4);
        var open = new ExactThresholdKernel(falling).Run(9990, 10010, Fee10Bps);
        Assert.Equal(ThresholdReference.Run(falling.Closes, 0.999, 1.001, Fee10Bps), open);
        Assert.Equal(1, open.Trades);
    }

    [Fact]
    public void Kernel_should_treat_thresholds_beyond_the_series_range_as_never_or_always_crossed()
    {
        var series = new TickSeries(SeriesFiles.Walk(7, 5_000, 10_000, 0.02, 20, 4), 4);
        foreach (var width in Enum.GetValues<ScanWidth>())
        {
            var kernel = new ExactThresholdKernel(series, width);
            foreach (var (buy, sell) in new[] { (1, 2), (int.MaxValue - 1, int.MaxValue), (20_000, 30_000), (1, 30_000), (int.MinValue + 1, int.MaxValue) })
            {
                var reference = ThresholdReference.Run(series.Closes, series.PriceOf(buy), series.PriceOf(sell), Fee10Bps);
                Assert.Equal(reference, kernel.Run(buy, sell, Fee10Bps));
            }
        }
    }

    private static void AssertKnownAnswers(ExactThresholdKernel kernel)
    {
        var results = new List<(int Buy, int Sell, ThresholdRun Run)>();
        for (var buy = 9900; buy <= 9999; buy++)
        {
            for (var sell = 10001; sell <= 10100; sell++)
            {
                results.Add((buy, sell, kernel.Run(buy, sell, Fee10Bps)));
            }
        }

        var best = results[0];
        foreach (var result in results)
        {
            if (result.Run.FinalEquity > best.Run.FinalEquity)
            {
                best = result;
            }
        }

        Assert.Equal((9973, 10021), (best.Buy, best.Sell));
        Assert.Equal(1.2691373509470525, best.Run.FinalEquity);
        Assert.Equal(84, best.Run.Trades);
        Assert.Equal(0.008888445021472185, best.Run.MaxDrawdown);
        Assert.Equal(9_000, results.Count(r => r.Run.Trades > 0));
        Assert.Equal(257_769, results.Sum(r => r.Run.Trades));
        Assert.Equal(10585.1123095767, results.Sum(r => r.Run.FinalEquity), 1e-9);
        Assert.Equal(142.4451237591, results.Sum(r => r.Run.MaxDrawdown), 1e-9);
    }
}
