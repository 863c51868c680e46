using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ActorArb.Domain.Optimization;

/// <summary>
/// A group of lanes of stored ticks that the scans of <see cref="TickScan"/> are written against once: a 512-bit
/// vector, a 256-bit vector, or a single value. The JIT compiles one copy of a scan per implementing struct and
/// inlines these members, so the abstraction leaves no calls behind.
/// </summary>
/// <typeparam name="TSelf">The implementing struct.</typeparam>
/// <typeparam name="T">The stored tick type.</typeparam>
internal interface ITickLanes<TSelf, T>
    where TSelf : struct, ITickLanes<TSelf, T>
    where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T>
{
    /// <summary>Gets the number of lanes (at most 64, so a lane mask fits a <see cref="ulong"/>).</summary>
    static abstract int Count { get; }

    /// <summary>Loads <see cref="Count"/> values from <paramref name="index"/> on; the caller guarantees they are readable.</summary>
    static abstract TSelf Load(ref T start, int index);

    /// <summary>Returns every lane set to <paramref name="value"/>.</summary>
    static abstract TSelf Create(T value);

    /// <summary>Returns a bit per lane (lowest bit = first lane) set where the value is at least the threshold's.</summary>
    static abstract ulong AtLeast(TSelf values, TSelf threshold);

    /// <summary>Returns a bit per lane set where the value is at most the threshold's.</summary>
    static abstract ulong AtMost(TSelf values, TSelf threshold);

    /// <summary>Returns the lane-wise minimum.</summary>
    static abstract TSelf Min(TSelf a, TSelf b);

    /// <summary>Returns the lane-wise maximum.</summary>
    static abstract TSelf Max(TSelf a, TSelf b);

    /// <summary>Returns <paramref name="values"/> in the first <paramref name="lanes"/> lanes and <paramref name="fill"/> in the others.</summary>
    static abstract TSelf Keep(TSelf values, int lanes, TSelf fill);

    /// <summary>Returns the smallest lane.</summary>
    static abstract T MinLane(TSelf values);

    /// <summary>Returns the largest lane.</summary>
    static abstract T MaxLane(TSelf values);
}

/// <summary>512-bit lanes (AVX-512).</summary>
/// <typeparam name="T">The stored tick type.</typeparam>
internal readonly struct Lanes512<T> : ITickLanes<Lanes512<T>, T>
    where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T>
{
    private readonly Vector512<T> _values;

    private Lanes512(Vector512<T> values) => _values = values;

    public static int Count => Vector512<T>.Count;

    public static Lanes512<T> Load(ref T start, int index) => new(Vector512.LoadUnsafe(ref start, (nuint)index));

    public static Lanes512<T> Create(T value) => new(Vector512.Create(value));

    public static ulong AtLeast(Lanes512<T> values, Lanes512<T> threshold) => Vector512.GreaterThanOrEqual(values._values, threshold._values).ExtractMostSignificantBits();

    public static ulong AtMost(Lanes512<T> values, Lanes512<T> threshold) => Vector512.LessThanOrEqual(values._values, threshold._values).ExtractMostSignificantBits();

    public static Lanes512<T> Min(Lanes512<T> a, Lanes512<T> b) => new(Vector512.Min(a._values, b._values));

    public static Lanes512<T> Max(Lanes512<T> a, Lanes512<T> b) => new(Vector512.Max(a._values, b._values));

    public static Lanes512<T> Keep(Lanes512<T> values, int lanes, Lanes512<T> fill) =>
        new(Vector512.ConditionalSelect(Vector512.LessThan(Vector512<T>.Indices, Vector512.Create(T.CreateTruncating(lanes))), values._values, fill._values));

    public static T MinLane(Lanes512<T> values) => Lanes128.Min(Vector256.Min(values._values.GetLower(), values._values.GetUpper()));

    public static T MaxLane(Lanes512<T> values) => Lanes128.Max(Vector256.Max(values._values.GetLower(), values._values.GetUpper()));
}

/// <summary>256-bit lanes (AVX2).</summary>
/// <typeparam name="T">The stored tick type.</typeparam>
internal readonly struct Lanes256<T> : ITickLanes<Lanes256<T>, T>
    where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T>
{
    private readonly Vector256<T> _values;

    private Lanes256(Vector256<T> values) => _values = values;

    public static int Count => Vector256<T>.Count;

    public static Lanes256<T> Load(ref T start, int index) => new(Vector256.LoadUnsafe(ref start, (nuint)index));

    public static Lanes256<T> Create(T value) => new(Vector256.Create(value));

    public static ulong AtLeast(Lanes256<T> values, Lanes256<T> threshold) => Vector256.GreaterThanOrEqual(values._values, threshold._values).ExtractMostSignificantBits();

    public static ulong AtMost(Lanes256<T> values, Lanes256<T> threshold) => Vector256.LessThanOrEqual(values._values, threshold._values).ExtractMostSignificantBits();

    public static Lanes256<T> Min(Lanes256<T> a, Lanes256<T> b) => new(Vector256.Min(a._values, b._values));

    public static Lanes256<T> Max(Lanes256<T> a, Lanes256<T> b) => new(Vector256.Max(a._values, b._values));

    public static Lanes256<T> Keep(Lanes256<T> values, int lanes, Lanes256<T> fill) =>
        new(Vector256.ConditionalSelect(Vector256.LessThan(Vector256<T>.Indices, Vector256.Create(T.CreateTruncating(lanes))), values._values, fill._values));

    public static T MinLane(Lanes256<T> values) => Lanes128.Min(values._values);

    public static T MaxLane(Lanes256<T> values) => Lanes128.Max(values._values);
}

/// <summary>One value at a time: the path for CPUs without vector units, and the definition the others must match.</summary>
/// <typeparam name="T">The stored tick type.</typeparam>
internal readonly struct Lanes1<T> : ITickLanes<Lanes1<T>, T>
    where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T>
{
    private readonly T _value;

    private Lanes1(T value) => _value = value;

    public static int Count => 1;

    public static Lanes1<T> Load(ref T start, int index) => new(Unsafe.Add(ref start, index));

    public static Lanes1<T> Create(T value) => new(value);

    public static ulong AtLeast(Lanes1<T> values, Lanes1<T> threshold) => values._value >= threshold._value ? 1UL : 0UL;

    public static ulong AtMost(Lanes1<T> values, Lanes1<T> threshold) => values._value <= threshold._value ? 1UL : 0UL;

    public static Lanes1<T> Min(Lanes1<T> a, Lanes1<T> b) => new(T.Min(a._value, b._value));

    public static Lanes1<T> Max(Lanes1<T> a, Lanes1<T> b) => new(T.Max(a._value, b._value));

    public static Lanes1<T> Keep(Lanes1<T> values, int lanes, Lanes1<T> fill) => lanes > 0 ? values : fill;

    public static T MinLane(Lanes1<T> values) => values._value;

    public static T MaxLane(Lanes1<T> values) => values._value;
}

/// <summary>Folds the lanes of a 256-bit vector into one: halves, then byte shuffles that move a lane's worth down.</summary>
internal static class Lanes128
{
    private static readonly Vector128<byte> Down8 = Vector128.Create((byte)8, 9, 10, 11, 12, 13, 14, 15, 8, 9, 10, 11, 12, 13, 14, 15);
    private static readonly Vector128<byte> Down4 = Vector128.Create((byte)4, 5, 6, 7, 4, 5, 6, 7, 4, 5, 6, 7, 4, 5, 6, 7);
    private static readonly Vector128<byte> Down2 = Vector128.Create((byte)2, 3, 2, 3, 2, 3, 2, 3, 2, 3, 2, 3, 2, 3, 2, 3);
    private static readonly Vector128<byte> Down1 = Vector128.Create((byte)1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Min<T>(Vector256<T> values)
        where T : unmanaged, IBinaryInteger<T>
    {
        var v = Vector128.Min(values.GetLower(), values.GetUpper());
        v = Vector128.Min(v, Down(v, Down8));
        if (Unsafe.SizeOf<T>() <= 4)
        {
            v = Vector128.Min(v, Down(v, Down4));
        }

        if (Unsafe.SizeOf<T>() <= 2)
        {
            v = Vector128.Min(v, Down(v, Down2));
        }

        if (Unsafe.SizeOf<T>() == 1)
        {
            v = Vector128.Min(v, Down(v, Down1));
        }

        return v.ToScalar();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Max<T>(Vector256<T> values)
        where T : unmanaged, IBinaryInteger<T>
    {
        var v = Vector128.Max(values.GetLower(), values.GetUpper());
        v = Vector128.Max(v, Down(v, Down8));
        if (Unsafe.SizeOf<T>() <= 4)
        {
            v = Vector128.Max(v, Down(v, Down4));
        }

        if (Unsafe.SizeOf<T>() <= 2)
        {
            v = Vector128.Max(v, Down(v, Down2));
        }

        if (Unsafe.SizeOf<T>() == 1)
        {
            v = Vector128.Max(v, Down(v, Down1));
        }

        return v.ToScalar();
    }

    private static Vector128<T> Down<T>(Vector128<T> values, Vector128<byte> shuffle)
        where T : unmanaged => Vector128.Shuffle(values.AsByte(), shuffle).As<byte, T>();
}
