namespace ActorArb.Domain.Metrics;

/// <summary>
/// Performance of one run, every value finite (see <see cref="PerformanceMetrics.Compute"/> for definitions and
/// the defaults used when a value is undefined). Rates are fractions: 0.05 is 5 %.
/// </summary>
/// <param name="TotalReturn">Final equity / initial equity - 1.</param>
/// <param name="Cagr">The compound annual growth rate over the curve's span (365-day years).</param>
/// <param name="Volatility">The annualised standard deviation of per-bar returns.</param>
/// <param name="Sharpe">The annualised mean per-bar return over its standard deviation (risk-free 0).</param>
/// <param name="Sortino">The annualised mean per-bar return over its downside deviation.</param>
/// <param name="Calmar">CAGR over max drawdown.</param>
/// <param name="MaxDrawdown">The largest (running peak - equity) / running peak over the curve.</param>
/// <param name="MaxDrawdownDurationMs">The longest time from a peak to the first point back at or above it (or to the last point).</param>
/// <param name="VaR95">The historical 95 % value at risk of one bar, as a positive loss fraction.</param>
/// <param name="CVaR95">The mean loss of the worst 5 % of bars, as a positive fraction.</param>
/// <param name="WinRate">Winning closed trades / closed trades.</param>
/// <param name="ProfitFactor">Gross profit / gross loss of closed trades.</param>
/// <param name="GrossProfit">The sum of winning closed trades' PnL.</param>
/// <param name="GrossLoss">The sum of losing closed trades' PnL, as a positive number.</param>
/// <param name="AverageWin">The mean PnL of winning closed trades.</param>
/// <param name="AverageLoss">The mean PnL of losing closed trades (negative).</param>
/// <param name="Exposure">The fraction of curve points with a position open.</param>
/// <param name="Turnover">Quote currency traded (entry costs plus exit proceeds) over mean equity.</param>
/// <param name="TradeCount">Entries: closed trades plus an open one.</param>
/// <param name="ClosedTradeCount">Closed round trips.</param>
/// <param name="FinalEquity">The last point's equity (the initial equity for an empty curve).</param>
/// <param name="BarCount">The number of curve points.</param>
public sealed record PerformanceReport(
    double TotalReturn,
    double Cagr,
    double Volatility,
    double Sharpe,
    double Sortino,
    double Calmar,
    double MaxDrawdown,
    long MaxDrawdownDurationMs,
    double VaR95,
    double CVaR95,
    double WinRate,
    double ProfitFactor,
    double GrossProfit,
    double GrossLoss,
    double AverageWin,
    double AverageLoss,
    double Exposure,
    double Turnover,
    int TradeCount,
    int ClosedTradeCount,
    double FinalEquity,
    int BarCount);
