using ActorArb.Actors.Runtime.Persistence;

namespace ActorArb.Actors.Persistence;

/// <summary>
/// Where the stages of a trading chain (strategy, risk, execution, portfolio) keep their streams, and how they come
/// back: a live run recovers each from its latest snapshot and the events after it; a replay restores them itself
/// (from a checkpoint, or fresh) at the versions in <see cref="Restored"/>.
/// </summary>
/// <param name="Store">The event store the stages append to.</param>
/// <param name="Snapshots">Where snapshots go; null for none.</param>
/// <param name="SnapshotEvery">A snapshot every this many events of a stage (0 = never).</param>
public sealed record StagePersistence(IEventStore Store, ISnapshotStore? Snapshots = null, int SnapshotEvery = 0)
{
    /// <summary>
    /// Gets the version each stage's stream was restored at (absent: 0), or null when the stages recover from the store.
    /// </summary>
    public IReadOnlyDictionary<string, long>? Restored { get; init; }

    /// <summary>Returns the persistence of a replay's stages, restored at <paramref name="versions"/> (empty: from the start).</summary>
    public static StagePersistence Replay(IEventStore store, IReadOnlyDictionary<string, long> versions) => new(store) { Restored = versions };

    /// <summary>Returns how the stage writing <paramref name="stream"/> recovers.</summary>
    internal Recovery RecoveryOf(string stream) => Restored is null ? Recovery.Latest : Recovery.Restored(Restored.GetValueOrDefault(stream));
}
