using System.Collections.Immutable;
using ActorArb.Domain.Events;

namespace ActorArb.Actors.Persistence;

/// <summary>Messages of the <see cref="EventJournalActor"/>.</summary>
public static class JournalProtocol
{
    /// <summary>Appends <paramref name="Events"/> to <paramref name="StreamId"/> in order.</summary>
    public sealed record Append(string StreamId, ImmutableArray<IDomainEvent> Events);

    /// <summary>Asks for a reply once every append sent before it is durable.</summary>
    public sealed record Flush;

    /// <summary>The reply to <see cref="Flush"/>: how many events were written and how many appends failed.</summary>
    public sealed record Flushed(long EventsWritten, long Failures);

    /// <summary>An append that failed for good; published on the event stream.</summary>
    public sealed record AppendFailed(string StreamId, int Count, string Reason);

    /// <summary>Asks for the last sequence written to each stream, answered with <see cref="Sequences"/>.</summary>
    public sealed record GetSequences;

    /// <summary>The last sequence written to each stream the journal has seen, in ordinal order of stream id.</summary>
    public sealed record Sequences(ImmutableArray<StreamSequence> Streams);

    /// <summary>A stream and the last sequence written to it.</summary>
    public sealed record StreamSequence(string StreamId, long Sequence);

    internal sealed record AsyncAppendCompleted(string StreamId, int Count, Exception? Error);

    internal sealed record VersionLoaded(string StreamId, long Version, Exception? Error);
}
