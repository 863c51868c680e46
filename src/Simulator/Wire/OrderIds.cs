namespace ActorArb.Simulator.Wire;

/// <summary>Makes the maker and taker order ids Coinbase Exchange attaches to a match: UUIDs derived from the trade, stable across runs.</summary>
internal static class OrderIds
{
    /// <summary>Returns a version-4-shaped UUID made from <paramref name="feed"/>, <paramref name="tradeId"/> and <paramref name="role"/>.</summary>
    public static string For(int feed, long tradeId, int role)
    {
        var high = Mix(((ulong)(uint)feed << 33) ^ ((ulong)tradeId * 2) ^ (ulong)role);
        var low = Mix(high ^ 0x9E3779B97F4A7C15UL);
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, high);
        BitConverter.TryWriteBytes(bytes[8..], low);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString("D");
    }

    /// <summary>SplitMix64's finaliser: a fixed, well-spread mixing of 64 bits.</summary>
    public static ulong Mix(ulong value)
    {
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }
}
