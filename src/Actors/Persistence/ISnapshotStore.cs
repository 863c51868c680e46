namespace ActorArb.Actors.Persistence;

/// <summary>
/// Keeps snapshots of a persistent actor's state, each tagged with the stream version it includes, so
/// recovery loads the latest snapshot and replays only the events after it.
/// </summary>
public interface ISnapshotStore
{
    /// <summary>
    /// Saves <paramref name="state"/> as the state of <paramref name="streamId"/> after event
    /// <paramref name="version"/>. Saving the same version again replaces it.
    /// </summary>
    ValueTask SaveAsync(string streamId, long version, object state, CancellationToken cancellationToken = default);

    /// <summary>Returns the snapshot of <paramref name="streamId"/> with the highest version, or null when there is none.</summary>
    ValueTask<StoredSnapshot?> LoadLatestAsync(string streamId, CancellationToken cancellationToken = default);
}
