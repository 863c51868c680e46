using ActorArb.Domain.Metrics;
using ActorArb.Domain.Portfolio;
using static ActorArb.Domain.Tests.Strategies.TradingTestData;

namespace ActorArb.Domain.Tests.Metrics;

public sealed class PerformanceMetricsSpecs
{
    private const long Day = 86_400_000;

    private static List<EquityPoint> Curve(long barMs, params double[] equities) =>
        equities.Select((e, i) => new EquityPoint((i + 1) * barMs, e)).ToList();

    private static Trade ClosedTrade(double pnl) =>
        new(Usdc, 0, 1, 60_000, 1, 100, 100, 100 + pnl, 0.2, pnl, pnl / 100);

    [Fact]
    public void PerformanceMetrics_should_compute_returns_risk_and_drawdown_of_a_small_daily_curve()
    {
        var report = PerformanceMetrics.Compute(Curve(Day, 110, 99, 121), [], initialEquity: 100, barMs: Day);

        double[] r = [0.1, -0.1, 22.0 / 99];
        var mean = (r[0] + r[1] + r[2]) / 3;
        var sd = Math.Sqrt((Math.Pow(r[0] - mean, 2) + Math.Pow(r[1] - mean, 2) + Math.Pow(r[2] - mean, 2)) / 2);
        var downside = Math.Sqrt(0.01 / 3);
        var cagr = Math.Exp(Math.Log(1.21) * 365 / 3) - 1;
        Assert.Equal(0.21, report.TotalReturn, 12);
        Assert.Equal(121, report.FinalEquity);
        Assert.Equal(3, report.BarCount);
        Assert.Equal(sd * Math.Sqrt(365), report.Volatility, tolerance: 1e-10);
        Assert.Equal(mean / sd * Math.Sqrt(365), report.Sharpe, tolerance: 1e-10);
        Assert.Equal(mean / downside * Math.Sqrt(365), report.Sortino, tolerance: 1e-10);
        Assert.Equal(1, report.Cagr / cagr, 9);
        Assert.Equal(0.1, report.MaxDrawdown, 15);
        Assert.Equal(1, report.Calmar / (cagr / 0.1), 9);
        Assert.Equal(2 * Day, report.MaxDrawdownDurationMs);
        Assert.Equal(0.1, report.VaR95, 12);
        Assert.Equal(0.1, report.CVaR95, 12);
    }

    [Fact]
    public void PerformanceMetrics_should_start_the_drawdown_peak_at_the_first_point_not_the_initial_equity()
    {
        var report = PerformanceMetrics.Compute(Curve(60_000, 90, 80), [], initialEquity: 100, barMs: 60_000);

        Exactly((90.0 - 80.0) / 90.0, report.MaxDrawdown, "max drawdown");
    }

    [Fact]
    public void PerformanceMetrics_should_count_an_unrecovered_drawdown_to_the_last_point()
    {
        var report = PerformanceMetrics.Compute(Curve(60_000, 100, 101, 90, 95), [], initialEquity: 100, barMs: 60_000);

        Assert.Equal(2 * 60_000, report.MaxDrawdownDurationMs);
    }

    [Fact]
    public void PerformanceMetrics_should_take_var_and_cvar_from_the_worst_twentieth_of_bar_returns()
    {
        var equities = new List<double>();
        var equity = 100.0;
        foreach (var r in new[] { -0.05, -0.04 }.Concat(Enumerable.Repeat(0.01, 38)))
        {
            equity *= 1 + r;
            equities.Add(equity);
        }

        var report = PerformanceMetrics.Compute(Curve(60_000, [.. equities]), [], 100, 60_000);

        Assert.Equal(0.04, report.VaR95, 12);
        Assert.Equal(0.045, report.CVaR95, 12);
    }

    [Fact]
    public void PerformanceMetrics_should_summarise_closed_trades_and_count_open_ones_as_entries()
    {
        var open = new Trade(Usdc, 0, 1, null, 1.1, 100, 100, 110, 0.1, 10, 0.1);
        Trade[] trades = [ClosedTrade(10), ClosedTrade(-5), ClosedTrade(0), ClosedTrade(20), open];

        var report = PerformanceMetrics.Compute(Curve(60_000, 100, 200), trades, 100, 60_000);

        Assert.Equal(5, report.TradeCount);
        Assert.Equal(4, report.ClosedTradeCount);
        Assert.Equal(0.5, report.WinRate);
        Assert.Equal(30, report.GrossProfit);
        Assert.Equal(5, report.GrossLoss);
        Assert.Equal(6, report.ProfitFactor);
        Assert.Equal(15, report.AverageWin);
        Assert.Equal(-5, report.AverageLoss);
        Assert.Equal((5 * 100 + 110 + 95 + 100 + 120) / 150.0, report.Turnover, 12);
    }

    [Fact]
    public void PerformanceMetrics_should_measure_exposure_as_the_share_of_points_in_the_market()
    {
        List<EquityPoint> curve = [new(1, 100), new(2, 100, InMarket: true), new(3, 101, InMarket: true), new(4, 101)];

        Assert.Equal(0.5, PerformanceMetrics.Compute(curve, [], 100, 60_000).Exposure);
    }

    [Fact]
    public void PerformanceMetrics_should_return_zeros_for_an_empty_run()
    {
        var report = PerformanceMetrics.Compute([], [], 100, 60_000);

        Assert.Equal(new PerformanceReport(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 100, 0), report);
    }

    [Fact]
    public void PerformanceMetrics_should_return_zero_ratios_for_a_flat_curve()
    {
        var report = PerformanceMetrics.Compute(Curve(60_000, 100, 100, 100), [], 100, 60_000);

        Assert.Equal((0.0, 0.0, 0.0, 0.0, 0.0, 0L), (report.Volatility, report.Sharpe, report.Sortino, report.Calmar, report.MaxDrawdown, report.MaxDrawdownDurationMs));
    }

    [Fact]
    public void PerformanceMetrics_should_report_no_profit_factor_without_a_losing_trade()
    {
        var report = PerformanceMetrics.Compute(Curve(60_000, 110), [ClosedTrade(10)], 100, 60_000);

        Assert.Equal((1.0, 0.0, 10.0, 0.0), (report.WinRate, report.ProfitFactor, report.GrossProfit, report.AverageLoss));
    }

    [Theory]
    [InlineData(new[] { 200.0 })]
    [InlineData(new[] { 0.0 })]
    [InlineData(new[] { 100.0, 0.0, 50.0 })]
    [InlineData(new[] { 1e300, 1e-300 })]
    public void PerformanceMetrics_should_never_report_nan_or_infinity(double[] equities)
    {
        var report = PerformanceMetrics.Compute(Curve(60_000, equities), [ClosedTrade(10)], 100, 60_000);

        foreach (var property in typeof(PerformanceReport).GetProperties().Where(p => p.PropertyType == typeof(double)))
        {
            var value = (double)property.GetValue(report)!;
            Assert.True(double.IsFinite(value), $"{property.Name} = {value}");
        }
    }

    [Fact]
    public void PerformanceMetrics_should_cap_a_cagr_too_large_for_a_double()
    {
        var report = PerformanceMetrics.Compute(Curve(60_000, 200), [], 100, 60_000);

        Assert.Equal(double.MaxValue, report.Cagr);
        Assert.Equal(1, report.TotalReturn);
    }

    [Fact]
    public void PerformanceMetrics_should_refuse_a_non_positive_initial_equity_or_bar()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PerformanceMetrics.Compute([], [], 0, 60_000));
        Assert.Throws<ArgumentOutOfRangeException>(() => PerformanceMetrics.Compute([], [], 100, 0));
    }
}
