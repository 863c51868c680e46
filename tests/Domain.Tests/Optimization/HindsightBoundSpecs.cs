using ActorArb.Domain.Optimization;

namespace ActorArb.Domain.Tests.Optimization;

public sealed class HindsightBoundSpecs
{
    [Theory]
    [InlineData(1, 14, 0.001, 0.0)]
    [InlineData(2, 13, 0.0005, 0.0002)]
    [InlineData(3, 12, 0.0, 0.0)]
    [InlineData(4, 14, 0.01, 0.005)]
    [InlineData(5, 1, 0.001, 0.0)]
    public void Bound_should_equal_the_best_of_every_decision_sequence_when_the_series_is_small(int seed, int bars, double fee, double slippage)
    {
        var costs = new ThresholdCosts(fee, slippage);
        var closes = SeriesFiles.Walk(seed, bars, 10_000, 0.05, 15, 4).ToArray();

        var bound = HindsightBound.Compute(closes, costs);

        var (best, tradesOfBest) = BruteForce(closes, costs);
        Assert.Equal(best, bound.MaxEquity);
        Assert.Contains(bound.Trades, tradesOfBest);
    }

    [Theory]
    [InlineData(11, 0.001, 0.0)]
    [InlineData(12, 0.0, 0.0)]
    [InlineData(13, 0.0005, 0.0003)]
    public void Bound_should_be_at_least_every_threshold_combination_when_run_on_a_random_series(int seed, double fee, double slippage)
    {
        var costs = new ThresholdCosts(fee, slippage);
        var series = new TickSeries(SeriesFiles.Walk(seed, 3_000, 10_000, 0.02, 10, 4), 4);

        var bound = HindsightBound.Compute(series.Closes, costs);

        var beaten = 0;
        for (var buy = 9_960; buy < 10_040; buy += 3)
        {
            for (var sell = buy + 1; sell <= 10_060; sell += 4)
            {
                var run = ThresholdReference.Run(series.Closes, series.PriceOf(buy), series.PriceOf(sell), costs);
                Assert.True(run.FinalEquity <= bound.MaxEquity, $"({buy}, {sell}) made {run.FinalEquity:R} > {bound.MaxEquity:R}");
                beaten += run.FinalEquity < bound.MaxEquity ? 1 : 0;
            }
        }

        // A bound no combination falls short of would be a bound that reads the grid rather than the bars.
        Assert.True(beaten > 0);
    }

    [Fact]
    public void Bound_should_be_the_first_to_last_ratio_when_a_costless_series_only_rises()
    {
        var closes = Enumerable.Range(0, 50).Select(i => (9_900 + (i * 7)) / 10_000.0).ToArray();

        var bound = HindsightBound.Compute(closes, new ThresholdCosts(0, 0));

        Assert.Equal(1.0 / closes[0] * closes[^1], bound.MaxEquity);
        Assert.Equal(closes[^1] / closes[0], bound.MaxEquity, 1e-12);
        Assert.Equal(1, bound.Trades);
    }

    [Fact]
    public void Bound_should_trade_every_swing_when_the_swings_outgrow_the_costs()
    {
        var costs = new ThresholdCosts(0.1, 0);

        var bound = HindsightBound.Compute([1.0, 2.0, 1.0, 2.0], costs);

        // Buy 0.9 units at 1, sell for 0.9 × 2 × 0.9 = 1.62, buy 1.62 × 0.9 = 1.458 units at 1, mark at 2.
        Assert.Equal(2.916, bound.MaxEquity, 1e-12);
        Assert.Equal(2, bound.Trades);
    }

    [Fact]
    public void Bound_should_skip_a_swing_smaller_than_the_round_trip_cost()
    {
        var costs = new ThresholdCosts(0.01, 0);

        var small = HindsightBound.Compute([1.0, 1.001, 1.0, 1.5], costs);

        // The first swing (0.1 %) costs more than it earns; only the last one (50 %) is worth its 1 % fee.
        Assert.Equal(1.0 * 0.99 / 1.0 * 1.5, small.MaxEquity);
        Assert.Equal(1, small.Trades);
    }

    [Fact]
    public void Bound_should_stay_in_cash_when_the_series_falls_is_one_bar_or_is_empty()
    {
        var costs = new ThresholdCosts(0.001, 0.0005);

        Assert.Equal(new HindsightResult(1.0, 0), HindsightBound.Compute([3.0, 2.0, 1.0], costs));
        Assert.Equal(new HindsightResult(1.0, 0), HindsightBound.Compute([0.9999], costs));

        // Costless, buying at 0.5 and marking at 0.5 ties with cash exactly: the path without an entry is kept.
        Assert.Equal(new HindsightResult(1.0, 0), HindsightBound.Compute([0.5], new ThresholdCosts(0, 0)));
        Assert.Equal(new HindsightResult(1.0, 0), HindsightBound.Compute([], costs));
    }

    /// <summary>
    /// Tries every sequence of act/hold decisions (act = buy when flat, sell when long) with the reference's fill
    /// arithmetic; returns the best final equity and the entry counts of every sequence that reaches it.
    /// </summary>
    private static (double Best, HashSet<int> TradesOfBest) BruteForce(double[] closes, ThresholdCosts costs)
    {
        var best = double.NegativeInfinity;
        var tradesOfBest = new HashSet<int>();
        for (var mask = 0; mask < 1 << closes.Length; mask++)
        {
            var cash = 1.0;
            var units = 0.0;
            var isLong = false;
            var trades = 0;
            for (var i = 0; i < closes.Length; i++)
            {
                if ((mask & (1 << i)) == 0)
                {
                    continue;
                }

                if (isLong)
                {
                    cash = costs.SellProceeds(units, closes[i]);
                    isLong = false;
                }
                else
                {
                    units = cash * costs.BuyFactor / (closes[i] * costs.BuyDivisor);
                    isLong = true;
                    trades++;
                }
            }

            var equity = isLong ? units * closes[^1] : cash;
            if (equity > best)
            {
                best = equity;
                tradesOfBest.Clear();
            }

            if (equity == best)
            {
                tradesOfBest.Add(trades);
            }
        }

        return (best, tradesOfBest);
    }
}
