using ActorArb.Domain.Portfolio;

namespace ActorArb.Domain.Metrics;

/// <summary>The trade-based part of <see cref="PerformanceReport"/>; every value finite, 0 when undefined.</summary>
internal readonly record struct TradeStats(
    int Closed,
    double WinRate,
    double ProfitFactor,
    double GrossProfit,
    double GrossLoss,
    double AverageWin,
    double AverageLoss,
    double Exposure,
    double Turnover)
{
    public static TradeStats Of(IReadOnlyList<Trade> trades, IReadOnlyList<EquityPoint> curve)
    {
        var closed = 0;
        var wins = 0;
        var losses = 0;
        var grossProfit = 0.0;
        var grossLoss = 0.0;
        var traded = 0.0;
        foreach (var trade in trades)
        {
            traded += trade.EntryCost;
            if (trade.IsOpen)
            {
                continue;
            }

            closed++;
            traded += trade.ExitValue;
            if (trade.Pnl > 0)
            {
                wins++;
                grossProfit += trade.Pnl;
            }
            else if (trade.Pnl < 0)
            {
                losses++;
                grossLoss -= trade.Pnl;
            }
        }

        var inMarket = 0;
        var equitySum = 0.0;
        foreach (var point in curve)
        {
            inMarket += point.InMarket ? 1 : 0;
            equitySum += point.Equity;
        }

        var meanEquity = curve.Count > 0 ? equitySum / curve.Count : 0;
        return new TradeStats(
            Closed: closed,
            WinRate: closed > 0 ? (double)wins / closed : 0,
            ProfitFactor: grossLoss > 0 ? PerformanceMetrics.Finite(grossProfit / grossLoss) : 0,
            GrossProfit: PerformanceMetrics.Finite(grossProfit),
            GrossLoss: PerformanceMetrics.Finite(grossLoss),
            AverageWin: wins > 0 ? PerformanceMetrics.Finite(grossProfit / wins) : 0,
            AverageLoss: losses > 0 ? PerformanceMetrics.Finite(-grossLoss / losses) : 0,
            Exposure: curve.Count > 0 ? (double)inMarket / curve.Count : 0,
            Turnover: meanEquity > 0 ? PerformanceMetrics.Finite(traded / meanEquity) : 0);
    }
}
