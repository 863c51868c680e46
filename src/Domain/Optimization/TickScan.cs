using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ActorArb.Domain.Optimization;

/// <summary>
/// The innermost loops of the exact optimizer over stored ticks (8-, 16- or 32-bit), written once against
/// <see cref="ITickLanes{TSelf, T}"/> and compiled per width: the first index at or below a threshold, and the first
/// index at or above one together with the minimum and maximum of what lies before it (one pass finds where a long
/// stretch ends and how low and high it went). A scan reads whole lane groups, so every array it scans must stay
/// readable <see cref="Padding"/> values past the range's end; lanes beyond the end are masked out.
/// </summary>
internal static class TickScan
{
    /// <summary>The readable slack every scanned array keeps past its last value: the most lanes of any width.</summary>
    public const int Padding = 64;

    /// <summary>Gets the widest vectors the CPU accelerates.</summary>
    public static ScanWidth Widest =>
        Vector512.IsHardwareAccelerated ? ScanWidth.Vector512 : Vector256.IsHardwareAccelerated ? ScanWidth.Vector256 : ScanWidth.Scalar;

    /// <summary>Gets the name of <see cref="Widest"/>: avx512, avx2 or scalar.</summary>
    public static string Path => Widest switch
    {
        ScanWidth.Vector512 => "avx512",
        ScanWidth.Vector256 => "avx2",
        _ => "scalar",
    };

    /// <summary>Returns the first index in [from, to) whose value is at most <paramref name="threshold"/>, or −1.</summary>
    public static int FirstAtMost<T, TLanes>(ReadOnlySpan<T> values, int from, int to, T threshold)
        where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T>
        where TLanes : struct, ITickLanes<TLanes, T>
    {
        ref var start = ref MemoryMarshal.GetReference(values);
        var t = TLanes.Create(threshold);
        for (var i = from; i < to; i += TLanes.Count)
        {
            var hits = TLanes.AtMost(TLanes.Load(ref start, i), t) & LaneMask(to - i);
            if (hits != 0)
            {
                return i + BitOperations.TrailingZeroCount(hits);
            }
        }

        return -1;
    }

    /// <summary>
    /// Returns the first index in [from, to) whose <paramref name="highs"/> value is at least
    /// <paramref name="threshold"/>, or −1, folding into <paramref name="low"/> and <paramref name="high"/> the
    /// <paramref name="lows"/> and <paramref name="highs"/> of every index before it. Over bars both arrays are the
    /// bars; over summaries they are the minima and maxima of what each summarises.
    /// </summary>
    public static int FirstAtLeast<T, TLanes>(ReadOnlySpan<T> highs, ReadOnlySpan<T> lows, int from, int to, T threshold, ref TLanes low, ref TLanes high)
        where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T>
        where TLanes : struct, ITickLanes<TLanes, T>
    {
        ref var highStart = ref MemoryMarshal.GetReference(highs);
        ref var lowStart = ref MemoryMarshal.GetReference(lows);
        var t = TLanes.Create(threshold);
        for (var i = from; i < to; i += TLanes.Count)
        {
            var top = TLanes.Load(ref highStart, i);
            var bottom = TLanes.Load(ref lowStart, i);
            var hits = TLanes.AtLeast(top, t) & LaneMask(to - i);
            if (hits == 0 && to - i >= TLanes.Count)
            {
                low = TLanes.Min(low, bottom);
                high = TLanes.Max(high, top);
                continue;
            }

            var before = hits != 0 ? BitOperations.TrailingZeroCount(hits) : to - i;
            low = TLanes.Min(low, TLanes.Keep(bottom, before, TLanes.Create(T.MaxValue)));
            high = TLanes.Max(high, TLanes.Keep(top, before, TLanes.Create(T.MinValue)));
            if (hits != 0)
            {
                return i + before;
            }
        }

        return -1;
    }

    /// <summary>Returns the mask of the first <paramref name="lanes"/> lanes (all 64 when there are more).</summary>
    private static ulong LaneMask(int lanes) => lanes >= 64 ? ulong.MaxValue : (1UL << lanes) - 1;
}
