using System.Buffers.Binary;

namespace ActorArb.Actors.Persistence;

/// <summary>
/// Deterministic event ids: the same stream and sequence always give the same id, so a replay of the same
/// input writes the same events and a retried append is recognised as a duplicate.
/// </summary>
public static class EventIds
{
    /// <summary>Returns a stable id for the <paramref name="sequence"/>-th event written to <paramref name="streamId"/>.</summary>
    public static Guid For(string streamId, long sequence) => For(Seed(streamId), sequence);

    /// <summary>
    /// Returns the hash state of a stream name, so a writer hashes each stream's name once rather than once
    /// per event (stream names are long and events many).
    /// </summary>
    public static StreamSeed Seed(string streamId)
    {
        // Two independent 64-bit FNV-1a lanes: cheap, stable across processes and platforms (unlike
        // string.GetHashCode), and collision-free enough for ids within one store.
        var a = 0xcbf29ce484222325UL;
        var b = 0x84222325cbf29ce4UL;
        foreach (var c in streamId)
        {
            a = (a ^ c) * 0x100000001b3UL;
            b = (b ^ c) * 0x100000001b3UL ^ (b >> 29);
        }

        return new StreamSeed(a, b);
    }

    /// <summary>Returns the id of the <paramref name="sequence"/>-th event of the stream whose seed is given.</summary>
    public static Guid For(StreamSeed seed, long sequence)
    {
        var (a, b) = (seed.A, seed.B);
        var s = (ulong)sequence;
        for (var i = 0; i < 8; i++, s >>= 8)
        {
            a = (a ^ (s & 0xff)) * 0x100000001b3UL;
            b = (b ^ (s & 0xff)) * 0x100000001b3UL ^ (b >> 29);
        }

        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, a);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes[8..], b);
        return new Guid(bytes);
    }

    /// <summary>The hash state of one stream's name.</summary>
    public readonly record struct StreamSeed(ulong A, ulong B);
}
