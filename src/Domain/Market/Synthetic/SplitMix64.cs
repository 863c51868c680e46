namespace ActorArb.Domain.Market.Synthetic;

/// <summary>
/// Sebastiano Vigna's SplitMix64 generator. It is used only to expand one 64-bit seed into the 256-bit state of
/// <see cref="Xoshiro256StarStar"/>, as the xoshiro authors recommend, so nearby seeds give unrelated streams.
/// </summary>
internal struct SplitMix64(ulong seed)
{
    private ulong state = seed;

    /// <summary>Returns the next 64 pseudo-random bits.</summary>
    public ulong Next()
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
