namespace ActorArb.Domain.Optimization;

/// <summary>
/// The per-bar statistics of one threshold combination that the exact kernel does not carry: Sharpe and Sortino
/// ratios of the per-bar equity returns and the profit factor of its round trips. Watches one
/// <see cref="ThresholdReference"/> run (which it returns too), so objectives that need them cost one pass over the
/// bars per combination.
/// </summary>
public static class ThresholdStatistics
{
    /// <summary>
    /// Runs one combination over <paramref name="closes"/>; ratios are annualised with <paramref name="barsPerYear"/>
    /// (525,600 for 1m bars).
    /// </summary>
    public static ThresholdScore Run(ReadOnlySpan<double> closes, double buy, double sell, ThresholdCosts costs, double barsPerYear)
    {
        var moments = new Moments { Previous = 1.0 };
        var run = ThresholdReference.Run(closes, buy, sell, costs, ref moments);
        if (moments.IsLong)
        {
            moments.Book(moments.Previous - moments.EntryCash);
        }

        var count = Math.Max(closes.Length - 1, 1);
        var mean = moments.Sum / count;
        var deviation = Math.Sqrt(Math.Max((moments.SumSquares / count) - (mean * mean), 0.0));
        var downside = Math.Sqrt(moments.DownsideSquares / count);
        var annual = Math.Sqrt(barsPerYear);
        return new ThresholdScore(
            run,
            deviation > 0 ? mean / deviation * annual : 0.0,
            downside > 0 ? mean / downside * annual : 0.0,
            moments.GrossLoss > 0 ? moments.GrossProfit / moments.GrossLoss : moments.GrossProfit > 0 ? double.PositiveInfinity : 0.0);
    }

    /// <summary>Sums of the per-bar returns and the round trips' profits and losses.</summary>
    private struct Moments : IThresholdObserver
    {
        public double Previous;
        public double EntryCash;
        public bool IsLong;
        public double Sum;
        public double SumSquares;
        public double DownsideSquares;
        public double GrossProfit;
        public double GrossLoss;

        public void OnBar(int bar, double equity)
        {
            if (bar > 0)
            {
                var r = (equity / Previous) - 1.0;
                Sum += r;
                SumSquares += r * r;
                DownsideSquares += r < 0 ? r * r : 0.0;
            }

            Previous = equity;
        }

        public void OnEntry(double cash)
        {
            EntryCash = cash;
            IsLong = true;
        }

        public void OnExit(double cash)
        {
            IsLong = false;
            Book(cash - EntryCash);
        }

        public void Book(double pnl)
        {
            if (pnl >= 0)
            {
                GrossProfit += pnl;
            }
            else
            {
                GrossLoss -= pnl;
            }
        }
    }
}
