namespace ActorArb.Domain.Optimization;

/// <summary>
/// The deepest-drop query: the bars of its first and last partial blocks folded one by one, joined with a segment
/// tree over the whole blocks between, O(log blocks) whatever the stretch's length. Folding the partial blocks at
/// query time (rather than keeping a summary per bar) keeps the index small and quick to build; the query is rare, as
/// most stretches cannot deepen the drawdown.
/// </summary>
internal sealed partial class TickRangeIndex<T, TLanes>
{
    private readonly int _leaves;
    private readonly DropScan[] _tree;

    /// <inheritdoc/>
    public override Drop DeepestDrop(int from, int to)
    {
        var first = from >> BlockShift;
        var last = (to - 1) >> BlockShift;
        if (first == last)
        {
            return Fold(from, to).Best;
        }

        var left = Fold(from, (first + 1) << BlockShift);
        var right = Fold(last << BlockShift, to);
        for (int l = first + 1 + _leaves, r = last + _leaves; l < r; l >>= 1, r >>= 1)
        {
            if ((l & 1) == 1)
            {
                left.Add(_tree[l++]);
            }

            if ((r & 1) == 1)
            {
                right = DropScan.Join(_tree[--r], right);
            }
        }

        left.Add(right);
        return left.Best;
    }

    /// <summary>Returns the summary of the bars [from, to).</summary>
    private DropScan Fold(int from, int to)
    {
        var scan = DropScan.Start;
        for (var i = from; i < to; i++)
        {
            scan.Add(Tick(_bars[i]));
        }

        return scan;
    }

    /// <summary>Returns the segment tree over the blocks' summaries: leaves from <paramref name="leaves"/> on, node k joining 2k and 2k + 1.</summary>
    private static DropScan[] DropTree(ReadOnlySpan<int> ticks, int blocks, int leaves)
    {
        var tree = new DropScan[2 * leaves];
        Array.Fill(tree, DropScan.Start);
        for (var k = 0; k < blocks; k++)
        {
            var scan = DropScan.Start;
            for (int i = k << BlockShift, end = Math.Min(i + PerBlock, ticks.Length); i < end; i++)
            {
                scan.Add(ticks[i]);
            }

            tree[leaves + k] = scan;
        }

        for (var node = leaves - 1; node >= 1; node--)
        {
            tree[node] = DropScan.Join(tree[2 * node], tree[(2 * node) + 1]);
        }

        return tree;
    }
}

/// <summary>The deepest drop and the summaries it is computed from.</summary>
internal abstract partial class TickRangeIndex
{
    /// <summary>A fall from <see cref="Peak"/> to a later (or the same) <see cref="Trough"/>, in ticks.</summary>
    public readonly record struct Drop(int Peak, int Trough)
    {
        /// <summary>Returns whether this fall is deeper (a smaller trough/peak ratio) than <paramref name="other"/>; ticks are positive.</summary>
        public bool DeeperThan(Drop other) => (long)Trough * other.Peak < (long)other.Trough * Peak;
    }

    /// <summary>Folds stretches in time order into their minimum, maximum and deepest drop.</summary>
    protected struct DropScan
    {
        public int Min;
        public int Max;
        public Drop Best;

        public static DropScan Start => new() { Min = int.MaxValue, Max = int.MinValue, Best = new Drop(1, 1) };

        /// <summary>Returns the summary of <paramref name="before"/> followed by <paramref name="after"/>.</summary>
        public static DropScan Join(DropScan before, DropScan after)
        {
            before.Add(after);
            return before;
        }

        /// <summary>Appends one bar: a bar alone never falls, so only the fall onto it from the highest so far can deepen.</summary>
        public void Add(int tick)
        {
            if (Max != int.MinValue && new Drop(Max, tick).DeeperThan(Best))
            {
                Best = new Drop(Max, tick);
            }

            Min = Math.Min(Min, tick);
            Max = Math.Max(Max, tick);
        }

        /// <summary>Appends a later stretch's summary: its own deepest drop, or the fall from our highest onto its lowest.</summary>
        public void Add(DropScan after)
        {
            if (Max != int.MinValue && new Drop(Max, after.Min).DeeperThan(Best))
            {
                Best = new Drop(Max, after.Min);
            }

            if (after.Best.DeeperThan(Best))
            {
                Best = after.Best;
            }

            Min = Math.Min(Min, after.Min);
            Max = Math.Max(Max, after.Max);
        }
    }
}
