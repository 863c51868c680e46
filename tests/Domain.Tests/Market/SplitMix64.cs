namespace ActorArb.Domain.Tests.Market;

/// <summary>
/// A tiny seeded generator (SplitMix64) so that property-style specs never depend on System.Random's algorithm.
/// </summary>
internal sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        _state += 0x9E3779B97F4A7C15UL;
        var z = _state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Returns an integer in [0, maxExclusive).</summary>
    public int Next(int maxExclusive) => (int)(Next() % (ulong)maxExclusive);

    /// <summary>Returns a double in [0, 1).</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));
}
