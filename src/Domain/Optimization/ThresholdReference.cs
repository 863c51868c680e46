namespace ActorArb.Domain.Optimization;

/// <summary>
/// The threshold strategy bar by bar: the definition every faster kernel must reproduce bit for bit. At each
/// bar's close, flat and close ≤ buy → buy with all cash (units = cash × (1 − fee) / (close × (1 + slip)));
/// long and close ≥ sell → sell all (cash = units × close × (1 − slip) × (1 − fee)); at most one fill per bar.
/// Equity is cash when flat and units × close when long; the drawdown is tracked against the running peak
/// with a floor (peak × (1 − max drawdown)), the order of operations of the vectorbt-style reference
/// (<c>shared/bench/grid_ref.py</c>), so both give the same doubles (see <see cref="ThresholdCosts"/> for the fills).
/// </summary>
public static class ThresholdReference
{
    /// <summary>Runs one combination over <paramref name="closes"/>.</summary>
    public static ThresholdRun Run(ReadOnlySpan<double> closes, double buy, double sell, ThresholdCosts costs)
    {
        var none = default(NoObserver);
        return Run(closes, buy, sell, costs, ref none);
    }

    /// <summary>Runs one combination over <paramref name="closes"/>, telling <paramref name="observer"/> every bar and fill.</summary>
    public static ThresholdRun Run<TObserver>(ReadOnlySpan<double> closes, double buy, double sell, ThresholdCosts costs, ref TObserver observer)
        where TObserver : struct, IThresholdObserver
    {
        var cash = 1.0;
        var units = 0.0;
        var isLong = false;
        var trades = 0;
        var peak = 1.0;
        var maxDrawdown = 0.0;
        var floor = 1.0;
        var equity = 1.0;
        for (var i = 0; i < closes.Length; i++)
        {
            var close = closes[i];
            if (isLong)
            {
                if (close >= sell)
                {
                    cash = costs.SellProceeds(units, close);
                    units = 0.0;
                    isLong = false;
                    equity = cash;
                    observer.OnExit(cash);
                }
                else
                {
                    equity = units * close;
                }
            }
            else if (close <= buy)
            {
                observer.OnEntry(cash);
                units = costs.BuyUnits(cash, close);
                cash = 0.0;
                isLong = true;
                trades++;
                equity = units * close;
            }
            else
            {
                // Flat without a fill: equity, peak and drawdown cannot change.
                observer.OnBar(i, equity);
                continue;
            }

            observer.OnBar(i, equity);
            if (equity > peak)
            {
                peak = equity;
                floor = peak * (1.0 - maxDrawdown);
            }
            else if (equity < floor)
            {
                maxDrawdown = (peak - equity) / peak;
                floor = equity;
            }
        }

        return new ThresholdRun(equity, trades, maxDrawdown);
    }

    /// <summary>Watches nothing; the JIT removes its calls.</summary>
    private struct NoObserver : IThresholdObserver
    {
        public readonly void OnBar(int bar, double equity)
        {
        }

        public readonly void OnEntry(double cash)
        {
        }

        public readonly void OnExit(double cash)
        {
        }
    }
}
