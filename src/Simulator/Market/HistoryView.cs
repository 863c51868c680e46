namespace ActorArb.Simulator.Market;

/// <summary>
/// The trades a feed had published at one moment, oldest first. The view reads the feed's array without a lock: the
/// feed only appends beyond <see cref="Count"/> or moves to a new array, so these elements never change.
/// </summary>
internal readonly struct HistoryView(PublishedTrade[] items, int count)
{
    /// <summary>Gets the number of trades in the view.</summary>
    public int Count => count;

    /// <summary>Gets the trades, oldest first.</summary>
    public ReadOnlySpan<PublishedTrade> Trades => items.AsSpan(0, count);

    /// <summary>Gets the trade at <paramref name="index"/>.</summary>
    public ref readonly PublishedTrade this[int index] => ref Trades[index];

    /// <summary>Returns the index of the first trade whose wire id exceeds <paramref name="id"/> (ids strictly increase).</summary>
    public int FirstWithIdAbove(long id) => LowerBound(static (in PublishedTrade t, long key) => t.Id > key, id);

    /// <summary>Returns the index of the first trade whose wire id is at least <paramref name="id"/>.</summary>
    public int FirstWithIdAtLeast(long id) => LowerBound(static (in PublishedTrade t, long key) => t.Id >= key, id);

    /// <summary>Returns the index of the first trade whose nanosecond stamp exceeds <paramref name="ns"/>.</summary>
    public int FirstWithNsAbove(long ns) => LowerBound(static (in PublishedTrade t, long key) => t.TimeNs > key, ns);

    /// <summary>Returns the index of the first trade at or after <paramref name="ms"/> (times never decrease).</summary>
    public int FirstAtOrAfterMs(long ms) => LowerBound(static (in PublishedTrade t, long key) => t.TimeMs >= key, ms);

    /// <summary>Returns the trades in [<paramref name="start"/>, <paramref name="start"/> + <paramref name="length"/>), clamped to the view.</summary>
    public ReadOnlySpan<PublishedTrade> Slice(int start, int length)
    {
        start = Math.Clamp(start, 0, count);
        return Trades.Slice(start, Math.Clamp(length, 0, count - start));
    }

    private delegate bool Predicate(in PublishedTrade trade, long key);

    /// <summary>Returns the first index where <paramref name="holds"/> is true, given it is false before and true after.</summary>
    private int LowerBound(Predicate holds, long key)
    {
        var trades = Trades;
        int low = 0, high = trades.Length;
        while (low < high)
        {
            var middle = low + ((high - low) >> 1);
            if (holds(in trades[middle], key))
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }
}
