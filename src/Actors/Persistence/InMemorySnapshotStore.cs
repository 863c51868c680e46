using System.Collections.Concurrent;

namespace ActorArb.Actors.Persistence;

/// <summary>
/// Snapshots held in memory for embedded runs and tests, beside the <see cref="InMemoryEventStore"/>. Keeps the
/// latest snapshot per stream only, as that is all recovery reads; states are kept by reference, so they must
/// be immutable. Thread-safe.
/// </summary>
public sealed class InMemorySnapshotStore : ISnapshotStore
{
    private readonly ConcurrentDictionary<string, StoredSnapshot> _latest = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public ValueTask SaveAsync(string streamId, long version, object state, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        ArgumentNullException.ThrowIfNull(state);
        var snapshot = new StoredSnapshot(streamId, version, state);
        _latest.AddOrUpdate(streamId, snapshot, (_, current) => version >= current.Version ? snapshot : current);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<StoredSnapshot?> LoadLatestAsync(string streamId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_latest.TryGetValue(streamId, out var snapshot) ? snapshot : null);
}
