namespace ActorArb.Actors.Runtime.Persistence;

/// <summary>How a <see cref="PersistentActor"/> comes by its state when it starts.</summary>
public sealed record Recovery
{
    private Recovery(long? restoredAt) => RestoredAt = restoredAt;

    /// <summary>Gets the default: the latest snapshot, then every event stored after it.</summary>
    public static Recovery Latest { get; } = new((long?)null);

    /// <summary>
    /// Gets the version the actor's state was restored at by its owner (a replay resuming from a checkpoint, or 0 for
    /// a replay from the start), or <see langword="null"/> for <see cref="Latest"/>. Such an actor reads nothing and
    /// continues at the next version; events the store already holds after it must be re-persisted identically.
    /// </summary>
    public long? RestoredAt { get; }

    /// <summary>
    /// Returns the recovery of an actor whose state its owner restored as of <paramref name="version"/>: a deterministic
    /// replay that re-produces the events after it, which the store may hold already from a run that crashed.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The version is negative.</exception>
    public static Recovery Restored(long version)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(version);
        return new Recovery(version);
    }
}
