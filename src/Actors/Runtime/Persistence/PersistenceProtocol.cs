namespace ActorArb.Actors.Runtime.Persistence;

/// <summary>Messages every <see cref="PersistentActor"/> answers itself, whatever its commands.</summary>
public static class PersistenceProtocol
{
    /// <summary>Asks for the actor's <see cref="Status"/>; answered once the appends in flight are stored.</summary>
    public sealed record GetStatus;

    /// <summary>The actor's stream, its version as the actor knows it, and how many events this instance wrote to it.</summary>
    public sealed record Status(string PersistenceId, long Version, long Written);
}
