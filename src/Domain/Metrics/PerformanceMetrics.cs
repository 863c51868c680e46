using ActorArb.Domain.Portfolio;
using ActorArb.Domain.Time;

namespace ActorArb.Domain.Metrics;

/// <summary>Performance metrics for 24/7 markets: years have 365 days, every bar counts.</summary>
public static class PerformanceMetrics
{
    /// <summary>
    /// Computes the metrics of an equity curve (one point per bar) and its trades.
    /// </summary>
    /// <remarks>
    /// <para>Per-bar returns are <c>e[i] / e[i-1] - 1</c> with <c>e[-1]</c> = <paramref name="initialEquity"/>
    /// (0 after a non-positive equity). Periods per year = 365 * 86,400,000 / <paramref name="barMs"/>; the span
    /// in years = points * barMs / (365 days). Volatility uses the sample standard deviation; the downside
    /// deviation is sqrt(sum(min(r, 0)^2) / n).</para>
    /// <para>Max drawdown follows the threshold replay's definition exactly: the running peak starts at the first
    /// point (not at the initial equity) and each point contributes <c>(peak - equity) / peak</c>.</para>
    /// <para>VaR95 and CVaR95 take the k = ceil(n / 20) worst per-bar returns: VaR is minus the k-th worst,
    /// CVaR minus their mean. Win rate, profit factor and averages use closed trades; a trade with PnL 0 is
    /// neither a win nor a loss.</para>
    /// <para>Undefined values are 0: no points or no closed trades, zero volatility (Sharpe, Sortino), no
    /// drawdown (Calmar), no losing trade (profit factor: read it with win rate and gross profit). A value
    /// too large for a double (CAGR of a short, wild run) is reported as ±double.MaxValue, so a result never
    /// holds NaN or infinity.</para>
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">The initial equity is not positive and finite, or the bar length is not positive.</exception>
    public static PerformanceReport Compute(IReadOnlyList<EquityPoint> curve, IReadOnlyList<Trade> trades, double initialEquity, long barMs)
    {
        ArgumentNullException.ThrowIfNull(curve);
        ArgumentNullException.ThrowIfNull(trades);
        if (!(initialEquity > 0 && double.IsFinite(initialEquity)))
        {
            throw new ArgumentOutOfRangeException(nameof(initialEquity), initialEquity, "initial equity must be positive and finite");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(barMs);

        var n = curve.Count;
        var finalEquity = n > 0 ? curve[n - 1].Equity : initialEquity;
        var periodsPerYear = 365.0 * UnixTime.DayMs / barMs;
        var returns = Returns(curve, initialEquity);
        var (mean, deviation, downside) = Moments(returns);
        var annualiser = Math.Sqrt(periodsPerYear);
        var (maxDrawdown, drawdownMs) = Drawdown(curve);
        var cagr = Cagr(initialEquity, finalEquity, n / periodsPerYear);
        // Last use of the returns: TailRisk sorts them in place, so order-dependent sums (Moments) must come first.
        var (var95, cvar95) = TailRisk(returns);
        var trading = TradeStats.Of(trades, curve);

        return new PerformanceReport(
            TotalReturn: Finite(finalEquity / initialEquity - 1),
            Cagr: Finite(cagr),
            Volatility: Finite(deviation * annualiser),
            Sharpe: deviation > 0 ? Finite(mean / deviation * annualiser) : 0,
            Sortino: downside > 0 ? Finite(mean / downside * annualiser) : 0,
            Calmar: maxDrawdown > 0 ? Finite(cagr / maxDrawdown) : 0,
            MaxDrawdown: Finite(maxDrawdown),
            MaxDrawdownDurationMs: drawdownMs,
            VaR95: Finite(var95),
            CVaR95: Finite(cvar95),
            WinRate: trading.WinRate,
            ProfitFactor: trading.ProfitFactor,
            GrossProfit: trading.GrossProfit,
            GrossLoss: trading.GrossLoss,
            AverageWin: trading.AverageWin,
            AverageLoss: trading.AverageLoss,
            Exposure: trading.Exposure,
            Turnover: trading.Turnover,
            TradeCount: trades.Count,
            ClosedTradeCount: trading.Closed,
            FinalEquity: Finite(finalEquity),
            BarCount: n);
    }

    /// <summary>Returns NaN as 0 and infinities as ±double.MaxValue, so JSON output stays valid.</summary>
    internal static double Finite(double value) =>
        double.IsNaN(value) ? 0
        : double.IsPositiveInfinity(value) ? double.MaxValue
        : double.IsNegativeInfinity(value) ? double.MinValue
        : value;

    private static double[] Returns(IReadOnlyList<EquityPoint> curve, double initialEquity)
    {
        var returns = new double[curve.Count];
        var previous = initialEquity;
        for (var i = 0; i < returns.Length; i++)
        {
            var equity = curve[i].Equity;
            returns[i] = previous > 0 ? equity / previous - 1 : 0;
            previous = equity;
        }

        return returns;
    }

    private static (double Mean, double Deviation, double Downside) Moments(double[] returns)
    {
        var n = returns.Length;
        if (n == 0)
        {
            return (0, 0, 0);
        }

        var sum = 0.0;
        var downSquares = 0.0;
        foreach (var r in returns)
        {
            sum += r;
            if (r < 0)
            {
                downSquares += r * r;
            }
        }

        var mean = sum / n;
        var squares = 0.0;
        foreach (var r in returns)
        {
            squares += (r - mean) * (r - mean);
        }

        var deviation = n > 1 ? Math.Sqrt(squares / (n - 1)) : 0;
        return (mean, deviation, Math.Sqrt(downSquares / n));
    }

    private static (double MaxDrawdown, long DurationMs) Drawdown(IReadOnlyList<EquityPoint> curve)
    {
        if (curve.Count == 0)
        {
            return (0, 0);
        }

        var peak = curve[0].Equity;
        var peakTime = curve[0].TimeMs;
        var maxDrawdown = 0.0;
        var longest = 0L;
        var underwater = false;
        foreach (var point in curve)
        {
            var equity = point.Equity;
            if (equity >= peak)
            {
                // Back at the peak: an underwater spell ends at this point, which counts in its duration.
                if (underwater)
                {
                    longest = Math.Max(longest, point.TimeMs - peakTime);
                    underwater = false;
                }

                peak = equity;
                peakTime = point.TimeMs;
                continue;
            }

            underwater = true;
            longest = Math.Max(longest, point.TimeMs - peakTime);
            if (peak > 0)
            {
                var drawdown = (peak - equity) / peak;
                if (drawdown > maxDrawdown)
                {
                    maxDrawdown = drawdown;
                }
            }
        }

        return (maxDrawdown, longest);
    }

    private static double Cagr(double initialEquity, double finalEquity, double years)
    {
        if (years <= 0)
        {
            return 0;
        }

        return finalEquity > 0 ? Math.Pow(finalEquity / initialEquity, 1 / years) - 1 : -1;
    }

    /// <summary>Returns VaR95 and CVaR95; sorts <paramref name="sorted"/> in place (the caller owns it and is done with its order).</summary>
    private static (double VaR, double CVaR) TailRisk(double[] sorted)
    {
        if (sorted.Length == 0)
        {
            return (0, 0);
        }

        Array.Sort(sorted);
        var k = (sorted.Length + 19) / 20;
        var tail = 0.0;
        for (var i = 0; i < k; i++)
        {
            tail += sorted[i];
        }

        // 0 - x rather than -x so a zero return reads 0, not -0, in reports.
        return (0 - sorted[k - 1], 0 - tail / k);
    }
}
