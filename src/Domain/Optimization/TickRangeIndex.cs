using System.Numerics;

namespace ActorArb.Domain.Optimization;

/// <summary>
/// Range queries over a series of ticks for the exact optimizer, on two summary levels above the bars (blocks of
/// 64 bars, superblocks of 64 blocks): the first bar from a position at or below / at or above a threshold (the
/// next first passage), the minimum and maximum of a stretch, and the deepest drop of a stretch (the pair
/// peak-before-trough with the smallest trough/peak ratio). Whole blocks where nothing can happen are skipped by
/// their minimum or maximum; the bars that remain are scanned with SIMD (<see cref="TickScan"/>). A first-passage,
/// minimum or maximum query touches at most two partial blocks, two partial superblocks and the superblock
/// summaries, which stay in cache. A deepest-drop query joins the summary of the rest of its first block and of the
/// start of its last (kept per bar) with a segment tree over the blocks between: O(log blocks) whatever its length.
/// Bars and min/max summaries are stored as <typeparamref name="T"/> offsets from a bias (16-bit where the series' range
/// fits, so a vector holds twice the bars); queries take and return ticks.
/// </summary>
/// <typeparam name="T">The stored offset type: <see cref="short"/> or <see cref="int"/>.</typeparam>
internal sealed class TickRangeIndex<T> : TickRangeIndex
    where T : unmanaged, INumber<T>, IMinMaxValue<T>
{
    private const int BlockShift = 6;
    private const int SuperShift = 12;
    private const int PerBlock = 1 << BlockShift;

    private static readonly int Lowest = int.CreateTruncating(T.MinValue);
    private static readonly int Highest = int.CreateTruncating(T.MaxValue);

    private readonly int _bias;
    private readonly T[] _bars;
    private readonly T[] _blockMin;
    private readonly T[] _blockMax;
    private readonly DropScan[] _prefix;
    private readonly DropScan[] _suffix;
    private readonly DropScan[] _tree;
    private readonly int _leaves;
    private readonly T[] _superMin;
    private readonly T[] _superMax;

    public TickRangeIndex(ReadOnlySpan<int> ticks, int bias)
    {
        _bias = bias;
        Length = ticks.Length;
        _bars = new T[Length];
        for (var i = 0; i < Length; i++)
        {
            _bars[i] = T.CreateChecked(ticks[i] - bias);
        }

        var blocks = (Length + PerBlock - 1) >> BlockShift;
        var supers = (blocks + PerBlock - 1) >> BlockShift;
        _blockMin = new T[blocks];
        _blockMax = new T[blocks];
        _prefix = new DropScan[Length];
        _suffix = new DropScan[Length];
        _leaves = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(blocks, 1));
        _tree = new DropScan[2 * _leaves];
        Array.Fill(_tree, DropScan.Start);
        for (var k = 0; k < blocks; k++)
        {
            var start = k << BlockShift;
            var end = BlockEnd(k);
            var scan = DropScan.Start;
            for (var i = start; i < end; i++)
            {
                scan.Add(ticks[i], ticks[i], new Drop(ticks[i], ticks[i]));
                _prefix[i] = scan;
            }

            var rest = DropScan.Start;
            for (var i = end - 1; i >= start; i--)
            {
                var bar = DropScan.Start;
                bar.Add(ticks[i], ticks[i], new Drop(ticks[i], ticks[i]));
                bar.Add(rest.Min, rest.Max, rest.Best);
                _suffix[i] = rest = bar;
            }

            (_blockMin[k], _blockMax[k], _tree[_leaves + k]) = (Stored(scan.Min), Stored(scan.Max), scan);
        }

        for (var node = _leaves - 1; node >= 1; node--)
        {
            _tree[node] = Combine(_tree[2 * node], _tree[(2 * node) + 1]);
        }

        _superMin = new T[supers];
        _superMax = new T[supers];
        for (var s = 0; s < supers; s++)
        {
            var to = SuperEnd(s);
            (_superMin[s], _superMax[s]) = (TickScan.Min<T>(_blockMin, s << BlockShift, to), TickScan.Max<T>(_blockMax, s << BlockShift, to));
        }
    }

    /// <inheritdoc/>
    public override int FirstAtMost(int from, int tick)
    {
        if (from >= Length || tick - (long)_bias < Lowest)
        {
            return Length;
        }

        var threshold = T.CreateTruncating(Math.Min(tick - (long)_bias, Highest));
        var found = TickScan.FirstAtMost(_bars, from, BlockEnd(from >> BlockShift), threshold);
        if (found >= 0)
        {
            return found;
        }

        var block = TickScan.FirstAtMost(_blockMin, (from >> BlockShift) + 1, SuperEnd(from >> SuperShift), threshold);
        if (block < 0)
        {
            var super = TickScan.FirstAtMost(_superMin, (from >> SuperShift) + 1, _superMin.Length, threshold);
            if (super < 0)
            {
                return Length;
            }

            block = TickScan.FirstAtMost(_blockMin, super << BlockShift, SuperEnd(super), threshold);
        }

        return TickScan.FirstAtMost(_bars, block << BlockShift, BlockEnd(block), threshold);
    }

    /// <inheritdoc/>
    public override int FirstAtLeast(int from, int tick)
    {
        if (from >= Length || tick - (long)_bias > Highest)
        {
            return Length;
        }

        var threshold = T.CreateTruncating(Math.Max(tick - (long)_bias, Lowest));
        var found = TickScan.FirstAtLeast(_bars, from, BlockEnd(from >> BlockShift), threshold);
        if (found >= 0)
        {
            return found;
        }

        var block = TickScan.FirstAtLeast(_blockMax, (from >> BlockShift) + 1, SuperEnd(from >> SuperShift), threshold);
        if (block < 0)
        {
            var super = TickScan.FirstAtLeast(_superMax, (from >> SuperShift) + 1, _superMax.Length, threshold);
            if (super < 0)
            {
                return Length;
            }

            block = TickScan.FirstAtLeast(_blockMax, super << BlockShift, SuperEnd(super), threshold);
        }

        return TickScan.FirstAtLeast(_bars, block << BlockShift, BlockEnd(block), threshold);
    }

    /// <inheritdoc/>
    public override int Min(int from, int to) => Tick(StoredMin(from, to));

    /// <inheritdoc/>
    public override int Max(int from, int to) => Tick(StoredMax(from, to));

    private T StoredMin(int from, int to)
    {
        var first = from >> BlockShift;
        var last = (to - 1) >> BlockShift;
        if (first == last)
        {
            return TickScan.Min(_bars, from, to);
        }

        var min = T.Min(TickScan.Min(_bars, from, BlockEnd(first)), TickScan.Min(_bars, last << BlockShift, to));
        first++;
        if (first >= last)
        {
            return min;
        }

        var firstSuper = first >> BlockShift;
        var lastSuper = (last - 1) >> BlockShift;
        if (firstSuper == lastSuper)
        {
            return T.Min(min, TickScan.Min(_blockMin, first, last));
        }

        min = T.Min(min, TickScan.Min(_blockMin, first, SuperEnd(firstSuper)));
        min = T.Min(min, TickScan.Min(_superMin, firstSuper + 1, lastSuper));
        return T.Min(min, TickScan.Min(_blockMin, lastSuper << BlockShift, last));
    }

    private T StoredMax(int from, int to)
    {
        var first = from >> BlockShift;
        var last = (to - 1) >> BlockShift;
        if (first == last)
        {
            return TickScan.Max(_bars, from, to);
        }

        var max = T.Max(TickScan.Max(_bars, from, BlockEnd(first)), TickScan.Max(_bars, last << BlockShift, to));
        first++;
        if (first >= last)
        {
            return max;
        }

        var firstSuper = first >> BlockShift;
        var lastSuper = (last - 1) >> BlockShift;
        if (firstSuper == lastSuper)
        {
            return T.Max(max, TickScan.Max(_blockMax, first, last));
        }

        max = T.Max(max, TickScan.Max(_blockMax, first, SuperEnd(firstSuper)));
        max = T.Max(max, TickScan.Max(_superMax, firstSuper + 1, lastSuper));
        return T.Max(max, TickScan.Max(_blockMax, lastSuper << BlockShift, last));
    }

    /// <inheritdoc/>
    public override Drop DeepestDrop(int from, int to)
    {
        var first = from >> BlockShift;
        var last = (to - 1) >> BlockShift;
        if (first == last)
        {
            var scan = DropScan.Start;
            for (var i = from; i < to; i++)
            {
                var tick = Tick(_bars[i]);
                scan.Add(tick, tick, new Drop(tick, tick));
            }

            return scan.Best;
        }

        // The rest of the first block, the whole blocks between (a segment tree over blocks), the start of the last.
        var left = _suffix[from];
        var right = _prefix[to - 1];
        for (int l = first + 1 + _leaves, r = last + _leaves; l < r; l >>= 1, r >>= 1)
        {
            if ((l & 1) == 1)
            {
                left = Combine(left, _tree[l++]);
            }

            if ((r & 1) == 1)
            {
                right = Combine(_tree[--r], right);
            }
        }

        return Combine(left, right).Best;
    }

    private T Stored(int tick) => T.CreateTruncating(tick - _bias);

    private int Tick(T stored) => int.CreateTruncating(stored) + _bias;

    private int BlockEnd(int block) => Math.Min((block + 1) << BlockShift, Length);

    private int SuperEnd(int super) => Math.Min((super + 1) << BlockShift, _blockMin.Length);

    /// <summary>Returns the summary of <paramref name="before"/> followed by <paramref name="after"/>.</summary>
    private static DropScan Combine(DropScan before, DropScan after)
    {
        before.Add(after.Min, after.Max, after.Best);
        return before;
    }
}

/// <summary>
/// Range queries over a series of ticks for the exact optimizer; <see cref="Create"/> picks the narrowest storage
/// the series' range allows.
/// </summary>
internal abstract class TickRangeIndex
{
    /// <summary>Gets the number of bars.</summary>
    public int Length { get; protected init; }

    /// <summary>Indexes <paramref name="ticks"/> as 16-bit offsets when their range fits, else as 32-bit ticks.</summary>
    public static TickRangeIndex Create(ReadOnlySpan<int> ticks)
    {
        var min = int.MaxValue;
        var max = int.MinValue;
        foreach (var tick in ticks)
        {
            min = Math.Min(min, tick);
            max = Math.Max(max, tick);
        }

        return (long)max - min <= ushort.MaxValue
            ? new TickRangeIndex<short>(ticks, min - short.MinValue)
            : new TickRangeIndex<int>(ticks, 0);
    }

    /// <summary>Returns the first bar at or after <paramref name="from"/> whose tick is at most <paramref name="tick"/>, or <see cref="Length"/>.</summary>
    public abstract int FirstAtMost(int from, int tick);

    /// <summary>Returns the first bar at or after <paramref name="from"/> whose tick is at least <paramref name="tick"/>, or <see cref="Length"/>.</summary>
    public abstract int FirstAtLeast(int from, int tick);

    /// <summary>Returns the lowest tick in [from, to), which must not be empty.</summary>
    public abstract int Min(int from, int to);

    /// <summary>Returns the highest tick in [from, to), which must not be empty.</summary>
    public abstract int Max(int from, int to);

    /// <summary>Returns the deepest drop in [from, to): a peak bar at or before a trough bar with the smallest trough/peak ratio (peak = trough when the stretch never falls).</summary>
    public abstract Drop DeepestDrop(int from, int to);

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

        public void Add(int min, int max, Drop drop)
        {
            if (Max != int.MinValue)
            {
                var across = new Drop(Max, min);
                if (across.DeeperThan(Best))
                {
                    Best = across;
                }
            }

            if (drop.DeeperThan(Best))
            {
                Best = drop;
            }

            Min = Math.Min(Min, min);
            Max = Math.Max(Max, max);
        }
    }
}
