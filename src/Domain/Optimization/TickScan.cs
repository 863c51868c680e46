using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ActorArb.Domain.Optimization;

/// <summary>
/// The innermost loops of the exact optimizer: first index at or below / at or above a threshold, and minimum and
/// maximum of a stretch of ticks, held as 16-bit offsets where the series' range allows (twice the lanes per
/// vector) and as 32-bit ticks otherwise. They run with 512-bit vectors where the CPU has AVX-512, 256-bit ones where it has
/// AVX2 (or another 256-bit unit), and scalar code otherwise; every path returns the same answer.
/// </summary>
internal static class TickScan
{
    /// <summary>Gets which vector width the scans use on this machine.</summary>
    public static string Path =>
        Vector512.IsHardwareAccelerated ? "avx512" : Vector256.IsHardwareAccelerated ? "avx2" : "scalar";

    /// <summary>Returns the first index in [from, to) whose value is at most <paramref name="threshold"/>, or −1.</summary>
    public static int FirstAtMost<T>(ReadOnlySpan<T> values, int from, int to, T threshold)
        where T : unmanaged, INumber<T>
    {
        ref var start = ref MemoryMarshal.GetReference(values);
        var i = from;
        if (Vector512.IsHardwareAccelerated)
        {
            var t = Vector512.Create(threshold);
            for (; i + Vector512<T>.Count <= to; i += Vector512<T>.Count)
            {
                var mask = Vector512.LessThanOrEqual(Vector512.LoadUnsafe(ref start, (nuint)i), t).ExtractMostSignificantBits();
                if (mask != 0)
                {
                    return i + BitOperations.TrailingZeroCount(mask);
                }
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            var t = Vector256.Create(threshold);
            for (; i + Vector256<T>.Count <= to; i += Vector256<T>.Count)
            {
                var mask = Vector256.LessThanOrEqual(Vector256.LoadUnsafe(ref start, (nuint)i), t).ExtractMostSignificantBits();
                if (mask != 0)
                {
                    return i + BitOperations.TrailingZeroCount(mask);
                }
            }
        }

        for (; i < to; i++)
        {
            if (Unsafe.Add(ref start, i) <= threshold)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Returns the first index in [from, to) whose value is at least <paramref name="threshold"/>, or −1.</summary>
    public static int FirstAtLeast<T>(ReadOnlySpan<T> values, int from, int to, T threshold)
        where T : unmanaged, INumber<T>
    {
        ref var start = ref MemoryMarshal.GetReference(values);
        var i = from;
        if (Vector512.IsHardwareAccelerated)
        {
            var t = Vector512.Create(threshold);
            for (; i + Vector512<T>.Count <= to; i += Vector512<T>.Count)
            {
                var mask = Vector512.GreaterThanOrEqual(Vector512.LoadUnsafe(ref start, (nuint)i), t).ExtractMostSignificantBits();
                if (mask != 0)
                {
                    return i + BitOperations.TrailingZeroCount(mask);
                }
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            var t = Vector256.Create(threshold);
            for (; i + Vector256<T>.Count <= to; i += Vector256<T>.Count)
            {
                var mask = Vector256.GreaterThanOrEqual(Vector256.LoadUnsafe(ref start, (nuint)i), t).ExtractMostSignificantBits();
                if (mask != 0)
                {
                    return i + BitOperations.TrailingZeroCount(mask);
                }
            }
        }

        for (; i < to; i++)
        {
            if (Unsafe.Add(ref start, i) >= threshold)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Returns the minimum over [from, to), or the type's maximum when the stretch is empty.</summary>
    public static T Min<T>(ReadOnlySpan<T> values, int from, int to)
        where T : unmanaged, INumber<T>, IMinMaxValue<T>
    {
        ref var start = ref MemoryMarshal.GetReference(values);
        var i = from;
        var min = T.MaxValue;
        if (Vector512.IsHardwareAccelerated && to - from >= Vector512<T>.Count)
        {
            var m = Vector512.Create(T.MaxValue);
            for (; i + Vector512<T>.Count <= to; i += Vector512<T>.Count)
            {
                m = Vector512.Min(m, Vector512.LoadUnsafe(ref start, (nuint)i));
            }

            min = MinOf(Vector256.Min(m.GetLower(), m.GetUpper()));
        }
        else if (Vector256.IsHardwareAccelerated && to - from >= Vector256<T>.Count)
        {
            var m = Vector256.Create(T.MaxValue);
            for (; i + Vector256<T>.Count <= to; i += Vector256<T>.Count)
            {
                m = Vector256.Min(m, Vector256.LoadUnsafe(ref start, (nuint)i));
            }

            min = MinOf(m);
        }

        for (; i < to; i++)
        {
            min = T.Min(min, Unsafe.Add(ref start, i));
        }

        return min;
    }

    /// <summary>Returns the maximum over [from, to), or the type's minimum when the stretch is empty.</summary>
    public static T Max<T>(ReadOnlySpan<T> values, int from, int to)
        where T : unmanaged, INumber<T>, IMinMaxValue<T>
    {
        ref var start = ref MemoryMarshal.GetReference(values);
        var i = from;
        var max = T.MinValue;
        if (Vector512.IsHardwareAccelerated && to - from >= Vector512<T>.Count)
        {
            var m = Vector512.Create(T.MinValue);
            for (; i + Vector512<T>.Count <= to; i += Vector512<T>.Count)
            {
                m = Vector512.Max(m, Vector512.LoadUnsafe(ref start, (nuint)i));
            }

            max = MaxOf(Vector256.Max(m.GetLower(), m.GetUpper()));
        }
        else if (Vector256.IsHardwareAccelerated && to - from >= Vector256<T>.Count)
        {
            var m = Vector256.Create(T.MinValue);
            for (; i + Vector256<T>.Count <= to; i += Vector256<T>.Count)
            {
                m = Vector256.Max(m, Vector256.LoadUnsafe(ref start, (nuint)i));
            }

            max = MaxOf(m);
        }

        for (; i < to; i++)
        {
            max = T.Max(max, Unsafe.Add(ref start, i));
        }

        return max;
    }

    private static T MinOf<T>(Vector256<T> v)
        where T : unmanaged, INumber<T>, IMinMaxValue<T>
    {
        var result = T.MaxValue;
        for (var k = 0; k < Vector256<T>.Count; k++)
        {
            result = T.Min(result, v.GetElement(k));
        }

        return result;
    }

    private static T MaxOf<T>(Vector256<T> v)
        where T : unmanaged, INumber<T>, IMinMaxValue<T>
    {
        var result = T.MinValue;
        for (var k = 0; k < Vector256<T>.Count; k++)
        {
            result = T.Max(result, v.GetElement(k));
        }

        return result;
    }
}
