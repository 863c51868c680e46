namespace ActorArb.Domain.Optimization;

/// <summary>
/// The perfect-foresight maximum of an all-in/all-out strategy over a series: the most final equity any sequence of
/// buys and sells could make, starting flat with cash 1, with at most one fill per bar at its close and the same fill
/// arithmetic as <see cref="ThresholdReference"/> (an open position is marked to the last close). No threshold
/// combination can beat it, so it measures how much of the attainable profit the best parameters capture.
/// </summary>
/// <remarks>
/// A two-state dynamic programme: after each bar it keeps the most cash a flat path can hold and the most units a
/// long path can hold. Both fills are non-decreasing functions of what they convert (products and a quotient of
/// positive doubles), so more cash or more units is never worse later, and keeping only the best of each state gives
/// exactly the maximum over all paths, in doubles as well as in real numbers.
/// </remarks>
public static class HindsightBound
{
    /// <summary>Returns the maximum final equity over <paramref name="closes"/> and the entries of one path that reaches it.</summary>
    public static HindsightResult Compute(ReadOnlySpan<double> closes, ThresholdCosts costs)
    {
        var cash = 1.0;
        var cashTrades = 0;

        // No long path exists before the first bar; zero units can never sell for more than a flat path holds.
        var units = 0.0;
        var unitsTrades = 0;
        foreach (var close in closes)
        {
            // Both candidates read the state before this bar, so no path fills twice on one bar.
            var bought = costs.BuyUnits(cash, close);
            var sold = costs.SellProceeds(units, close);
            var boughtTrades = cashTrades + 1;
            if (sold > cash || (sold == cash && unitsTrades < cashTrades))
            {
                cash = sold;
                cashTrades = unitsTrades;
            }

            if (bought > units || (bought == units && boughtTrades < unitsTrades))
            {
                units = bought;
                unitsTrades = boughtTrades;
            }
        }

        if (closes.IsEmpty)
        {
            return new HindsightResult(cash, cashTrades);
        }

        var marked = units * closes[^1];
        return marked > cash || (marked == cash && unitsTrades < cashTrades)
            ? new HindsightResult(marked, unitsTrades)
            : new HindsightResult(cash, cashTrades);
    }
}

/// <summary>
/// The perfect-foresight maximum final equity and the number of entries (an open position counts) of one path that
/// reaches it; among equal equities the state with fewer entries is kept at each bar.
/// </summary>
public sealed record HindsightResult(double MaxEquity, int Trades);
