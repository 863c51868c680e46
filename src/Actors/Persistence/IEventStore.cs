namespace ActorArb.Actors.Persistence;

/// <summary>
/// An append-only store of event streams with a global order. Every implementation (in-memory for embedded
/// runs and tests, PostgreSQL for durable runs) passes the same contract specs.
/// </summary>
public interface IEventStore
{
    /// <summary>
    /// Appends <paramref name="events"/> to <paramref name="streamId"/> if the stream is at
    /// <paramref name="expectedVersion"/> (the number of events it holds; <see cref="ExpectedVersion.Any"/> skips
    /// the check). Events whose ids are already in the stream are not written again, so a retried append after
    /// a lost acknowledgement is harmless.
    /// </summary>
    /// <exception cref="ConcurrencyException">The stream is not at the expected version.</exception>
    ValueTask<AppendResult> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default);

    /// <summary>Returns the events of one stream with version greater than <paramref name="afterVersion"/>, in version order.</summary>
    IAsyncEnumerable<RecordedEvent> ReadStreamAsync(string streamId, long afterVersion = 0, CancellationToken cancellationToken = default);

    /// <summary>
    /// Returns the version of <paramref name="streamId"/>: the number of events it holds, 0 when it does not exist. A
    /// writer that restarts continues its stream from here, so its new events do not reuse stored ids. The default
    /// reads the whole stream; the stores answer from an index.
    /// </summary>
    async ValueTask<long> GetStreamVersionAsync(string streamId, CancellationToken cancellationToken = default)
    {
        var version = 0L;
        await foreach (var e in ReadStreamAsync(streamId, 0, cancellationToken).ConfigureAwait(false))
        {
            version = e.Version;
        }

        return version;
    }

    /// <summary>Returns all events with position greater than <paramref name="afterPosition"/>, in position order.</summary>
    IAsyncEnumerable<RecordedEvent> ReadAllAsync(long afterPosition = 0, CancellationToken cancellationToken = default);
}
