using ActorArb.Domain.Optimization;

namespace ActorArb.Domain.Tests.Optimization;

public sealed class ThresholdSearchSpecs
{
    private static readonly ThresholdCosts Fee10Bps = new(0.001, 0);

    [Theory]
    [InlineData(21, false, false)]
    [InlineData(22, true, false)]
    [InlineData(23, false, true)]
    [InlineData(24, true, true)]
    public void Search_should_pick_what_a_brute_force_over_the_reference_picks_when_given_constraints(int seed, bool limitTrades, bool limitDrawdown)
    {
        var series = new TickSeries(SeriesFiles.Walk(seed, 4_000, 10_000, 0.02, 12, 4), 4);
        var buys = Enumerable.Range(9_970, 30).ToArray();
        var sells = Enumerable.Range(9_990, 40).ToArray();
        var kernel = new ExactThresholdKernel(series);

        // Each constraint is set just past the unconstrained winner, so it must change the answer.
        var unconstrained = ThresholdSearch.Best(kernel, buys, sells, Fee10Bps);
        var minTrades = limitTrades ? unconstrained.Run.Trades + 1 : 0;
        var maxDrawdown = limitDrawdown ? unconstrained.Run.MaxDrawdown * (1 - 1e-6) : 1.0;
        var result = ThresholdSearch.Best(kernel, buys, sells, Fee10Bps, minTrades, maxDrawdown);

        var expected = BruteForce(series, buys, sells, Fee10Bps, minTrades, maxDrawdown);
        Assert.True(expected.Feasible > 0, "the case must leave some combination standing");
        // Buys 9 990 … 9 999 meet sells 9 990 … 9 999: 1 + 2 + … + 10 = 55 pairs have buy ≥ sell.
        Assert.Equal((30 * 40) - 55, expected.Evaluated);
        Assert.True(result.Found);
        Assert.Equal((expected.Buy, expected.Sell), (result.BuyTick, result.SellTick));
        Assert.Equal(expected.Equity, result.Run.FinalEquity);
        Assert.Equal((expected.Evaluated, expected.Feasible), (result.Evaluated, result.Feasible));
        Assert.Equal(limitTrades || limitDrawdown, (result.BuyTick, result.SellTick) != (unconstrained.BuyTick, unconstrained.SellTick));
    }

    [Fact]
    public void Search_should_keep_the_first_pair_in_buy_major_order_when_equities_tie()
    {
        // Nothing ever trades on a flat series with these thresholds: every pair ends with equity 1.
        var series = new TickSeries(Enumerable.Repeat(1.0, 100).ToList(), 4);

        var result = ThresholdSearch.Best(new ExactThresholdKernel(series), [9_990, 9_980], [10_020, 10_010], Fee10Bps);

        Assert.Equal((9_990, 10_020), (result.BuyTick, result.SellTick));
        Assert.Equal(new ThresholdRun(1.0, 0, 0.0), result.Run);
    }

    [Fact]
    public void Search_should_skip_pairs_whose_buy_is_not_below_the_sell()
    {
        // The (10 001, 10 000) pair would buy at 1.0000 and sell at once on the 1.0001 bar after it: skipped.
        var series = new TickSeries([1.0, 1.0001, 1.0, 1.0001], 4);

        var result = ThresholdSearch.Best(new ExactThresholdKernel(series), [10_001, 10_000], [10_000, 10_001], new ThresholdCosts(0, 0));

        Assert.Equal(1, result.Evaluated);
        Assert.Equal((10_000, 10_001), (result.BuyTick, result.SellTick));
        Assert.Equal(2, result.Run.Trades);
    }

    [Fact]
    public void Search_should_find_nothing_when_no_pair_meets_the_constraints()
    {
        var series = new TickSeries(SeriesFiles.Walk(25, 2_000, 10_000, 0.02, 12, 4), 4);
        var kernel = new ExactThresholdKernel(series);

        var tooFewTrades = ThresholdSearch.Best(kernel, [9_990, 9_995], [10_005, 10_010], Fee10Bps, minTrades: 100_000);
        var tooDeep = ThresholdSearch.Best(kernel, [9_990, 9_995], [10_005, 10_010], Fee10Bps, maxDrawdown: 0.0);
        var empty = ThresholdSearch.Best(kernel, [10_010], [10_005], Fee10Bps);

        Assert.False(tooFewTrades.Found);
        Assert.Equal((4, 0), (tooFewTrades.Evaluated, tooFewTrades.Feasible));
        Assert.False(tooDeep.Found);
        Assert.False(empty.Found);
        Assert.Equal(0, empty.Evaluated);
    }

    [Fact]
    public void Search_should_reject_a_negative_minimum_of_trades_or_drawdown_limit()
    {
        var kernel = new ExactThresholdKernel(new TickSeries([1.0], 4));

        Assert.Throws<ArgumentOutOfRangeException>(() => ThresholdSearch.Best(kernel, [1], [2], Fee10Bps, minTrades: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ThresholdSearch.Best(kernel, [1], [2], Fee10Bps, maxDrawdown: double.NaN));
    }

    private static (int Buy, int Sell, double Equity, int Evaluated, int Feasible) BruteForce(
        TickSeries series, int[] buys, int[] sells, ThresholdCosts costs, int minTrades, double maxDrawdown)
    {
        var best = (Buy: 0, Sell: 0, Equity: double.NegativeInfinity);
        var evaluated = 0;
        var feasible = 0;
        foreach (var buy in buys)
        {
            foreach (var sell in sells.Where(s => s > buy))
            {
                evaluated++;
                var run = ThresholdReference.Run(series.Closes, series.PriceOf(buy), series.PriceOf(sell), costs);
                if (run.Trades >= minTrades && run.MaxDrawdown <= maxDrawdown)
                {
                    feasible++;
                    if (run.FinalEquity > best.Equity)
                    {
                        best = (buy, sell, run.FinalEquity);
                    }
                }
            }
        }

        return (best.Buy, best.Sell, best.Equity, evaluated, feasible);
    }
}
