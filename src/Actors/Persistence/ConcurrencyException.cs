namespace ActorArb.Actors.Persistence;

/// <summary>An append found its stream at another version than the writer expected.</summary>
public sealed class ConcurrencyException(string streamId, long expectedVersion, long actualVersion)
    : Exception($"stream '{streamId}': expected version {expectedVersion}, but it is at version {actualVersion}")
{
    /// <summary>Returns the stream that was appended to.</summary>
    public string StreamId { get; } = streamId;

    /// <summary>Returns the version the writer expected.</summary>
    public long ExpectedVersion { get; } = expectedVersion;

    /// <summary>Returns the version the stream was at.</summary>
    public long ActualVersion { get; } = actualVersion;
}
