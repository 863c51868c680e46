namespace ActorArb.Domain.Market.Synthetic;

/// <summary>
/// The xoshiro256** generator (Blackman and Vigna) with uniform and standard-normal draws built only from integer
/// operations and IEEE-754 +, −, ×, ÷ and square root, so a seed gives the same stream bit for bit on every machine
/// and runtime. <see cref="System.Random"/> is not used because its algorithm is an implementation detail that has
/// changed between .NET versions, and <see cref="Math.Log(double)"/> is not used because the C runtimes it calls
/// into are not required to round alike.
/// </summary>
internal sealed class Xoshiro256StarStar
{
    private const double Unit53 = 1.0 / (1UL << 53);

    private ulong s0;
    private ulong s1;
    private ulong s2;
    private ulong s3;
    private double spareNormal;
    private bool hasSpareNormal;

    /// <summary>Creates a generator whose state is four outputs of <see cref="SplitMix64"/> seeded with <paramref name="seed"/>.</summary>
    public Xoshiro256StarStar(ulong seed)
    {
        var mixer = new SplitMix64(seed);
        s0 = mixer.Next();
        s1 = mixer.Next();
        s2 = mixer.Next();
        s3 = mixer.Next();
    }

    /// <summary>Creates a generator with an explicit state, for checking against the reference implementation.</summary>
    internal Xoshiro256StarStar(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        if ((s0 | s1 | s2 | s3) == 0)
        {
            throw new ArgumentException("The xoshiro state must not be all zeros.");
        }

        this.s0 = s0;
        this.s1 = s1;
        this.s2 = s2;
        this.s3 = s3;
    }

    /// <summary>Returns the next 64 pseudo-random bits.</summary>
    public ulong NextUInt64()
    {
        var result = RotateLeft(s1 * 5, 7) * 9;
        var t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = RotateLeft(s3, 45);
        return result;
    }

    /// <summary>Returns a uniform double in [0, 1) with 53 random bits (exact: an integer times 2^-53).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * Unit53;

    /// <summary>
    /// Returns a standard normal draw by Marsaglia's polar method; draws come in pairs and the second is kept for the
    /// next call, so the stream depends only on the seed and the number of calls.
    /// </summary>
    public double NextStandardNormal()
    {
        if (hasSpareNormal)
        {
            hasSpareNormal = false;
            return spareNormal;
        }

        double u;
        double v;
        double s;
        do
        {
            u = (2.0 * NextDouble()) - 1.0;
            v = (2.0 * NextDouble()) - 1.0;
            s = (u * u) + (v * v);
        }
        while (s >= 1.0 || s == 0.0);

        var m = Math.Sqrt(-2.0 * DeterministicMath.Log(s) / s);
        spareNormal = v * m;
        hasSpareNormal = true;
        return u * m;
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
