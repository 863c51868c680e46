namespace ActorArb.Domain.Optimization;

/// <summary>
/// The per-bar statistics of one threshold combination that the exact kernel does not carry: Sharpe and Sortino
/// ratios of the per-bar equity returns and the profit factor of its round trips. Runs the same bar loop and
/// fills as <see cref="ThresholdReference"/> (and returns its <see cref="ThresholdRun"/> too), so objectives that
/// need them cost one pass over the bars per combination.
/// </summary>
public static class ThresholdStatistics
{
    /// <summary>
    /// Runs one combination over <paramref name="closes"/>; ratios are annualised with <paramref name="barsPerYear"/>
    /// (525,600 for 1m bars).
    /// </summary>
    public static ThresholdScore Run(ReadOnlySpan<double> closes, double buy, double sell, ThresholdCosts costs, double barsPerYear)
    {
        var run = ThresholdReference.Run(closes, buy, sell, costs);
        var cash = 1.0;
        var units = 0.0;
        var previous = 1.0;
        var entryCash = 0.0;
        var sum = 0.0;
        var sumSquares = 0.0;
        var downsideSquares = 0.0;
        var grossProfit = 0.0;
        var grossLoss = 0.0;
        for (var i = 0; i < closes.Length; i++)
        {
            var close = closes[i];
            if (units > 0 && close >= sell)
            {
                cash = costs.SellProceeds(units, close);
                units = 0.0;
                Book(cash - entryCash, ref grossProfit, ref grossLoss);
            }
            else if (units == 0 && close <= buy)
            {
                entryCash = cash;
                units = cash * costs.BuyFactor / (close * costs.BuyDivisor);
                cash = 0.0;
            }

            var equity = units > 0 ? units * close : cash;
            if (i > 0)
            {
                var r = (equity / previous) - 1.0;
                sum += r;
                sumSquares += r * r;
                downsideSquares += r < 0 ? r * r : 0.0;
            }

            previous = equity;
        }

        if (units > 0)
        {
            Book(previous - entryCash, ref grossProfit, ref grossLoss);
        }

        var count = Math.Max(closes.Length - 1, 1);
        var mean = sum / count;
        var deviation = Math.Sqrt(Math.Max((sumSquares / count) - (mean * mean), 0.0));
        var downside = Math.Sqrt(downsideSquares / count);
        var annual = Math.Sqrt(barsPerYear);
        return new ThresholdScore(
            run,
            deviation > 0 ? mean / deviation * annual : 0.0,
            downside > 0 ? mean / downside * annual : 0.0,
            grossLoss > 0 ? grossProfit / grossLoss : grossProfit > 0 ? double.PositiveInfinity : 0.0);
    }

    private static void Book(double pnl, ref double grossProfit, ref double grossLoss)
    {
        if (pnl >= 0)
        {
            grossProfit += pnl;
        }
        else
        {
            grossLoss -= pnl;
        }
    }
}
