using System.Buffers.Binary;

namespace ActorArb.Actors.Persistence;

/// <summary>
/// Deterministic event ids: the same stream and sequence always give the same id, so a replay of the same
/// input writes the same events and a retried append is recognised as a duplicate.
/// </summary>
public static class EventIds
{
    /// <summary>Returns a stable id for the <paramref name="sequence"/>-th event written to <paramref name="streamId"/>.</summary>
    public static Guid For(string streamId, long sequence)
    {
        // Two independent 64-bit FNV-1a lanes over the stream name and the sequence: cheap, stable across
        // processes and platforms (unlike string.GetHashCode), and collision-free enough for ids within one store.
        var a = 0xcbf29ce484222325UL;
        var b = 0x84222325cbf29ce4UL;
        foreach (var c in streamId)
        {
            a = (a ^ c) * 0x100000001b3UL;
            b = (b ^ c) * 0x100000001b3UL ^ (b >> 29);
        }

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
}
