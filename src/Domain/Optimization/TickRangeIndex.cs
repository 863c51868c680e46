using System.Diagnostics;
using System.Numerics;

namespace ActorArb.Domain.Optimization;

/// <summary>
/// Range queries over a series of ticks for the exact optimizer, on two summary levels above the bars (blocks of
/// 64 bars, superblocks of 64 blocks): the next bar at or below a threshold (a flat position's next entry), the next
/// bar at or above one together with the lowest and highest tick before it (where a long stretch ends and how low and
/// high it went, in one pass), and the deepest drop of a stretch. Whole blocks where the threshold cannot be reached
/// are skipped by their minimum or maximum (and folded whole into the lowest and highest); the bars that remain are
/// scanned in lanes (<see cref="TickScan"/>). A passage touches at most two partial blocks, two partial superblocks
/// and the superblock summaries, which stay in cache; the deepest drop joins a segment tree over the blocks.
/// </summary>
/// <remarks>
/// Bars and summaries are stored as <typeparamref name="T"/> offsets from a bias, 8-bit where the series' range
/// allows (a 512-bit vector then holds a whole block and the bars fit a core's cache), 16-bit, else 32-bit. The
/// stored range leaves the type's minimum and maximum unused, so a threshold beyond the series clamps to a value that
/// no bar reaches, and the empty fold reads back as <see cref="int.MaxValue"/> / <see cref="int.MinValue"/>.
/// </remarks>
/// <typeparam name="T">The stored offset type: <see cref="sbyte"/>, <see cref="short"/> or <see cref="int"/>.</typeparam>
/// <typeparam name="TLanes">The lanes the scans run in.</typeparam>
internal sealed partial class TickRangeIndex<T, TLanes> : TickRangeIndex
    where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T>
    where TLanes : struct, ITickLanes<TLanes, T>
{
    private const int BlockShift = 6;
    private const int SuperShift = 12;
    private const int PerBlock = 1 << BlockShift;

    private readonly long _bias;
    private readonly T[] _bars;
    private readonly int _blocks;
    private readonly T[] _blockMin;
    private readonly T[] _blockMax;
    private readonly int _supers;
    private readonly T[] _superMin;
    private readonly T[] _superMax;

    public TickRangeIndex(ReadOnlySpan<int> ticks, int lowest)
    {
        _bias = lowest - long.CreateTruncating(T.MinValue) - 1;
        Length = ticks.Length;
        _bars = new T[Length + TickScan.Padding];
        for (var i = 0; i < Length; i++)
        {
            _bars[i] = Stored(ticks[i]);
        }

        _blocks = (Length + PerBlock - 1) >> BlockShift;
        _supers = (_blocks + PerBlock - 1) >> BlockShift;
        (_blockMin, _blockMax) = Summaries(_bars, _bars, Length, _blocks);
        (_superMin, _superMax) = Summaries(_blockMin, _blockMax, _blocks, _supers);
        _leaves = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(_blocks, 1));
        _tree = DropTree(ticks, _blocks, _leaves);
    }

    /// <inheritdoc/>
    public override int FirstAtMost(int from, int tick)
    {
        if (from >= Length)
        {
            return Length;
        }

        var threshold = Stored(tick);
        var block = from >> BlockShift;
        var found = TickScan.FirstAtMost<T, TLanes>(_bars, from, BlockEnd(block), threshold);
        if (found >= 0)
        {
            return found;
        }

        var super = from >> SuperShift;
        var next = TickScan.FirstAtMost<T, TLanes>(_blockMin, block + 1, SuperEnd(super), threshold);
        if (next < 0)
        {
            var nextSuper = TickScan.FirstAtMost<T, TLanes>(_superMin, super + 1, _supers, threshold);
            if (nextSuper < 0)
            {
                return Length;
            }

            next = TickScan.FirstAtMost<T, TLanes>(_blockMin, nextSuper << BlockShift, SuperEnd(nextSuper), threshold);
        }

        Debug.Assert(next >= 0, "a summary that reaches the threshold has a part that reaches it");
        return TickScan.FirstAtMost<T, TLanes>(_bars, next << BlockShift, BlockEnd(next), threshold);
    }

    /// <inheritdoc/>
    public override Passage FirstAtLeast(int from, int tick)
    {
        var low = TLanes.Create(T.MaxValue);
        var high = TLanes.Create(T.MinValue);
        var found = Length;
        if (from < Length)
        {
            var threshold = Stored(tick);
            var block = from >> BlockShift;
            found = TickScan.FirstAtLeast(_bars, _bars, from, BlockEnd(block), threshold, ref low, ref high);
            if (found < 0)
            {
                var super = from >> SuperShift;
                var next = TickScan.FirstAtLeast(_blockMax, _blockMin, block + 1, SuperEnd(super), threshold, ref low, ref high);
                if (next < 0)
                {
                    var nextSuper = TickScan.FirstAtLeast(_superMax, _superMin, super + 1, _supers, threshold, ref low, ref high);
                    next = nextSuper < 0 ? -1 : TickScan.FirstAtLeast(_blockMax, _blockMin, nextSuper << BlockShift, SuperEnd(nextSuper), threshold, ref low, ref high);
                }

                found = next < 0 ? Length : TickScan.FirstAtLeast(_bars, _bars, next << BlockShift, BlockEnd(next), threshold, ref low, ref high);
                Debug.Assert(found >= 0, "a summary that reaches the threshold has a part that reaches it");
            }
        }

        return new Passage(found, Tick(TLanes.MinLane(low)), Tick(TLanes.MaxLane(high)));
    }

    /// <summary>Returns the stored offset of <paramref name="tick"/>, clamped to the type's ends (which no bar takes).</summary>
    private T Stored(int tick) => T.CreateSaturating(tick - _bias);

    /// <summary>Returns the tick of a stored offset; the type's ends read back as the ends of <see cref="int"/>.</summary>
    private int Tick(T stored) =>
        stored == T.MaxValue ? int.MaxValue : stored == T.MinValue ? int.MinValue : (int)(long.CreateTruncating(stored) + _bias);

    private int BlockEnd(int block) => Math.Min((block + 1) << BlockShift, Length);

    private int SuperEnd(int super) => Math.Min((super + 1) << BlockShift, _blocks);

    /// <summary>Returns the minima of each run of 64 <paramref name="lows"/> and the maxima of each run of 64 <paramref name="highs"/>, padded for the scans.</summary>
    private static (T[] Min, T[] Max) Summaries(T[] lows, T[] highs, int length, int count)
    {
        var min = new T[count + TickScan.Padding];
        var max = new T[count + TickScan.Padding];
        for (var k = 0; k < count; k++)
        {
            var (low, high) = (T.MaxValue, T.MinValue);
            for (int i = k << BlockShift, end = Math.Min(i + PerBlock, length); i < end; i++)
            {
                low = T.Min(low, lows[i]);
                high = T.Max(high, highs[i]);
            }

            (min[k], max[k]) = (low, high);
        }

        return (min, max);
    }
}

/// <summary>
/// Range queries over a series of ticks for the exact optimizer; <see cref="Create(ReadOnlySpan{int}, ScanWidth)"/> picks the
/// narrowest storage the series' range allows and the widest vectors the CPU accelerates.
/// </summary>
internal abstract partial class TickRangeIndex
{
    /// <summary>Gets the number of bars.</summary>
    public int Length { get; protected init; }

    /// <summary>Indexes <paramref name="ticks"/> as 8-, 16- or 32-bit offsets, whichever is the narrowest their range fits, scanned at <paramref name="width"/>.</summary>
    public static TickRangeIndex Create(ReadOnlySpan<int> ticks, ScanWidth width)
    {
        var min = int.MaxValue;
        var max = int.MinValue;
        foreach (var tick in ticks)
        {
            min = Math.Min(min, tick);
            max = Math.Max(max, tick);
        }

        // Two values of each type stay unused (see the remarks of TickRangeIndex<T, TLanes>).
        var spread = (long)max - min;
        return spread <= byte.MaxValue - 2 ? Create<sbyte>(ticks, min, width)
            : spread <= ushort.MaxValue - 2 ? Create<short>(ticks, min, width)
            : spread <= uint.MaxValue - 2 ? Create<int>(ticks, min, width)
            : throw new ArgumentException("the ticks span more than 32 bits", nameof(ticks));
    }

    /// <summary>Returns the first bar at or after <paramref name="from"/> whose tick is at most <paramref name="tick"/>, or <see cref="Length"/>.</summary>
    public abstract int FirstAtMost(int from, int tick);

    /// <summary>
    /// Returns the first bar at or after <paramref name="from"/> whose tick is at least <paramref name="tick"/> (or
    /// <see cref="Length"/>) with the lowest and highest tick of the bars from <paramref name="from"/> up to it
    /// (<see cref="int.MaxValue"/> and <see cref="int.MinValue"/> when there are none).
    /// </summary>
    public abstract Passage FirstAtLeast(int from, int tick);

    /// <summary>Returns the deepest drop in [from, to): a peak bar at or before a trough bar with the smallest trough/peak ratio (peak = trough when the stretch never falls).</summary>
    public abstract Drop DeepestDrop(int from, int to);

    private static TickRangeIndex Create<T>(ReadOnlySpan<int> ticks, int min, ScanWidth width)
        where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T> => width switch
        {
            ScanWidth.Vector512 => new TickRangeIndex<T, Lanes512<T>>(ticks, min),
            ScanWidth.Vector256 => new TickRangeIndex<T, Lanes256<T>>(ticks, min),
            _ => new TickRangeIndex<T, Lanes1<T>>(ticks, min),
        };

    /// <summary>Where a rise to a threshold happens (<see cref="At"/>) and the lowest and highest tick before it.</summary>
    public readonly record struct Passage(int At, int Min, int Max);
}
