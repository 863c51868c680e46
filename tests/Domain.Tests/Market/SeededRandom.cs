using ActorArb.Domain.Market.Synthetic;

namespace ActorArb.Domain.Tests.Market;

/// <summary>
/// A seeded generator over the production <see cref="SplitMix64"/> so that property-style specs never depend on
/// System.Random's algorithm.
/// </summary>
internal sealed class SeededRandom(ulong seed)
{
    private SplitMix64 _mixer = new(seed);

    public ulong Next() => _mixer.Next();

    /// <summary>Returns an integer in [0, maxExclusive).</summary>
    public int Next(int maxExclusive) => (int)(Next() % (ulong)maxExclusive);

    /// <summary>Returns a double in [0, 1).</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));
}
