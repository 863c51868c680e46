using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ActorArb.Domain.Time;

namespace ActorArb.Actors.Persistence;

/// <summary>
/// The event store for embedded runs and fast tests: same contract as the PostgreSQL store, held in memory.
/// Appends complete synchronously, so replay on the deterministic dispatcher never waits on it. Thread-safe.
/// </summary>
public sealed class InMemoryEventStore(IClock clock) : IEventStore
{
    private readonly Lock _gate = new();
    private readonly List<RecordedEvent> _all = [];
    private readonly Dictionary<string, List<RecordedEvent>> _streams = new(StringComparer.Ordinal);
    private readonly HashSet<Guid> _ids = [];

    /// <summary>Returns the number of events stored.</summary>
    public long Count
    {
        get
        {
            lock (_gate)
            {
                return _all.Count;
            }
        }
    }

    /// <inheritdoc />
    public ValueTask<AppendResult> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        ArgumentNullException.ThrowIfNull(events);
        lock (_gate)
        {
            if (!_streams.TryGetValue(streamId, out var stream))
            {
                stream = [];
                _streams.Add(streamId, stream);
            }

            // A retry of an append that already landed resends the same ids: when the first is known, count the
            // rest, and if all are there, write nothing and report no conflict.
            if (events.Count > 0 && _ids.Contains(events[0].EventId))
            {
                var fresh = 0;
                for (var i = 0; i < events.Count; i++)
                {
                    fresh += _ids.Contains(events[i].EventId) ? 0 : 1;
                }

                if (fresh == 0)
                {
                    return ValueTask.FromResult(new AppendResult(stream.Count, _all.Count, 0));
                }
            }

            if (expectedVersion != ExpectedVersion.Any && expectedVersion != stream.Count)
            {
                throw new ConcurrencyException(streamId, expectedVersion, stream.Count);
            }

            var now = clock.NowMs;
            var written = 0;
            for (var i = 0; i < events.Count; i++)
            {
                var e = events[i];
                if (!_ids.Add(e.EventId))
                {
                    continue;
                }

                var recorded = new RecordedEvent(streamId, stream.Count + 1, _all.Count + 1, e.EventId, e.Type, e.Payload, e.Metadata, now);
                stream.Add(recorded);
                _all.Add(recorded);
                written++;
            }

            return ValueTask.FromResult(new AppendResult(stream.Count, _all.Count, written));
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<RecordedEvent> ReadStreamAsync(string streamId, long afterVersion = 0, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        RecordedEvent[] snapshot;
        lock (_gate)
        {
            snapshot = _streams.TryGetValue(streamId, out var stream) ? After(stream, afterVersion) : [];
        }

        foreach (var e in snapshot)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return e;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask<long> GetStreamVersionAsync(string streamId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_streams.TryGetValue(streamId, out var stream) ? (long)stream.Count : 0L);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<RecordedEvent> ReadAllAsync(long afterPosition = 0, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        RecordedEvent[] snapshot;
        lock (_gate)
        {
            snapshot = After(_all, afterPosition);
        }

        foreach (var e in snapshot)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return e;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <summary>Copies the events after the first <paramref name="skip"/> (one copy, taken under the lock).</summary>
    private static RecordedEvent[] After(List<RecordedEvent> events, long skip) =>
        skip < events.Count ? CollectionsMarshal.AsSpan(events)[(int)Math.Max(0, skip)..].ToArray() : [];
}
