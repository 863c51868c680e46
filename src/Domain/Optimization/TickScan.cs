using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ActorArb.Domain.Optimization;

/// <summary>
/// The innermost loops of the exact optimizer: first index at or below / at or above a threshold, and minimum and
/// maximum of a stretch of ticks, held as 16-bit offsets where the series' range allows (twice the lanes per
/// vector) and as 32-bit ticks otherwise. They run with 512-bit vectors where the CPU has AVX-512, 256-bit ones where
/// it has AVX2 (or another 256-bit unit), and scalar code otherwise; every path returns the same answer. Each pair of
/// operations shares one loop, specialised by a struct (the JIT compiles one copy per struct, with no calls left).
/// </summary>
internal static class TickScan
{
    /// <summary>Gets which vector width the scans use on this machine.</summary>
    public static string Path =>
        Vector512.IsHardwareAccelerated ? "avx512" : Vector256.IsHardwareAccelerated ? "avx2" : "scalar";

    /// <summary>Returns the first index in [from, to) whose value is at most <paramref name="threshold"/>, or −1.</summary>
    public static int FirstAtMost<T>(ReadOnlySpan<T> values, int from, int to, T threshold)
        where T : unmanaged, INumber<T>, IMinMaxValue<T> => First<T, Lower<T>>(values, from, to, threshold);

    /// <summary>Returns the first index in [from, to) whose value is at least <paramref name="threshold"/>, or −1.</summary>
    public static int FirstAtLeast<T>(ReadOnlySpan<T> values, int from, int to, T threshold)
        where T : unmanaged, INumber<T>, IMinMaxValue<T> => First<T, Higher<T>>(values, from, to, threshold);

    /// <summary>Returns the minimum over [from, to), or the type's maximum when the stretch is empty.</summary>
    public static T Min<T>(ReadOnlySpan<T> values, int from, int to)
        where T : unmanaged, INumber<T>, IMinMaxValue<T> => Extreme<T, Lower<T>>(values, from, to);

    /// <summary>Returns the maximum over [from, to), or the type's minimum when the stretch is empty.</summary>
    public static T Max<T>(ReadOnlySpan<T> values, int from, int to)
        where T : unmanaged, INumber<T>, IMinMaxValue<T> => Extreme<T, Higher<T>>(values, from, to);

    private static int First<T, TSide>(ReadOnlySpan<T> values, int from, int to, T threshold)
        where T : unmanaged, INumber<T>, IMinMaxValue<T>
        where TSide : struct, ISide<T>
    {
        ref var start = ref MemoryMarshal.GetReference(values);
        var i = from;
        if (Vector512.IsHardwareAccelerated)
        {
            var t = Vector512.Create(threshold);
            for (; i + Vector512<T>.Count <= to; i += Vector512<T>.Count)
            {
                var mask = TSide.Reaches(Vector512.LoadUnsafe(ref start, (nuint)i), t).ExtractMostSignificantBits();
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
                var mask = TSide.Reaches(Vector256.LoadUnsafe(ref start, (nuint)i), t).ExtractMostSignificantBits();
                if (mask != 0)
                {
                    return i + BitOperations.TrailingZeroCount(mask);
                }
            }
        }

        for (; i < to; i++)
        {
            if (TSide.Reaches(Unsafe.Add(ref start, i), threshold))
            {
                return i;
            }
        }

        return -1;
    }

    private static T Extreme<T, TSide>(ReadOnlySpan<T> values, int from, int to)
        where T : unmanaged, INumber<T>, IMinMaxValue<T>
        where TSide : struct, ISide<T>
    {
        ref var start = ref MemoryMarshal.GetReference(values);
        var i = from;
        var result = TSide.Empty;
        Vector256<T>? lanes = null;
        if (Vector512.IsHardwareAccelerated && to - from >= Vector512<T>.Count)
        {
            var m = Vector512.Create(TSide.Empty);
            for (; i + Vector512<T>.Count <= to; i += Vector512<T>.Count)
            {
                m = TSide.Pick(m, Vector512.LoadUnsafe(ref start, (nuint)i));
            }

            lanes = TSide.Pick(m.GetLower(), m.GetUpper());
        }
        else if (Vector256.IsHardwareAccelerated && to - from >= Vector256<T>.Count)
        {
            var m = Vector256.Create(TSide.Empty);
            for (; i + Vector256<T>.Count <= to; i += Vector256<T>.Count)
            {
                m = TSide.Pick(m, Vector256.LoadUnsafe(ref start, (nuint)i));
            }

            lanes = m;
        }

        if (lanes is { } v)
        {
            for (var k = 0; k < Vector256<T>.Count; k++)
            {
                result = TSide.Pick(result, v.GetElement(k));
            }
        }

        for (; i < to; i++)
        {
            result = TSide.Pick(result, Unsafe.Add(ref start, i));
        }

        return result;
    }

    /// <summary>A direction: reaching a threshold from it, and keeping the more extreme of two values.</summary>
    private interface ISide<T>
        where T : unmanaged, INumber<T>, IMinMaxValue<T>
    {
        /// <summary>Gets the value no stretch is beyond: the result of an empty stretch.</summary>
        static abstract T Empty { get; }

        static abstract bool Reaches(T value, T threshold);

        static abstract Vector512<T> Reaches(Vector512<T> values, Vector512<T> threshold);

        static abstract Vector256<T> Reaches(Vector256<T> values, Vector256<T> threshold);

        static abstract T Pick(T a, T b);

        static abstract Vector512<T> Pick(Vector512<T> a, Vector512<T> b);

        static abstract Vector256<T> Pick(Vector256<T> a, Vector256<T> b);
    }

    /// <summary>Downwards: at or below a threshold, the minimum.</summary>
    private readonly struct Lower<T> : ISide<T>
        where T : unmanaged, INumber<T>, IMinMaxValue<T>
    {
        public static T Empty => T.MaxValue;

        public static bool Reaches(T value, T threshold) => value <= threshold;

        public static Vector512<T> Reaches(Vector512<T> values, Vector512<T> threshold) => Vector512.LessThanOrEqual(values, threshold);

        public static Vector256<T> Reaches(Vector256<T> values, Vector256<T> threshold) => Vector256.LessThanOrEqual(values, threshold);

        public static T Pick(T a, T b) => T.Min(a, b);

        public static Vector512<T> Pick(Vector512<T> a, Vector512<T> b) => Vector512.Min(a, b);

        public static Vector256<T> Pick(Vector256<T> a, Vector256<T> b) => Vector256.Min(a, b);
    }

    /// <summary>Upwards: at or above a threshold, the maximum.</summary>
    private readonly struct Higher<T> : ISide<T>
        where T : unmanaged, INumber<T>, IMinMaxValue<T>
    {
        public static T Empty => T.MinValue;

        public static bool Reaches(T value, T threshold) => value >= threshold;

        public static Vector512<T> Reaches(Vector512<T> values, Vector512<T> threshold) => Vector512.GreaterThanOrEqual(values, threshold);

        public static Vector256<T> Reaches(Vector256<T> values, Vector256<T> threshold) => Vector256.GreaterThanOrEqual(values, threshold);

        public static T Pick(T a, T b) => T.Max(a, b);

        public static Vector512<T> Pick(Vector512<T> a, Vector512<T> b) => Vector512.Max(a, b);

        public static Vector256<T> Pick(Vector256<T> a, Vector256<T> b) => Vector256.Max(a, b);
    }
}
