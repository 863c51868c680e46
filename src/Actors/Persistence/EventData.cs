namespace ActorArb.Actors.Persistence;

/// <summary>An event to append: its id (for idempotency), type name, payload and metadata.</summary>
public sealed record EventData(Guid EventId, string Type, object Payload, EventMetadata Metadata)
{
    /// <summary>
    /// Returns the event for the <paramref name="sequence"/>-th payload written to the stream with
    /// <paramref name="stream"/> as its seed: a deterministic id and the payload's stored type name.
    /// </summary>
    public static EventData Create(EventIds.StreamSeed stream, long sequence, object payload, EventMetadata metadata) =>
        new(EventIds.For(stream, sequence), EventTypeNames.Of(payload), payload, metadata);
}

/// <summary>Where an event came from: the correlation and causation ids and the node that wrote it.</summary>
public sealed record EventMetadata(string? CorrelationId = null, string? CausationId = null, string? SourceNode = null)
{
    /// <summary>Metadata with nothing set.</summary>
    public static EventMetadata Empty { get; } = new();
}

/// <summary>An event as stored: stream, 1-based version in the stream, global position and append time.</summary>
public sealed record RecordedEvent(
    string StreamId,
    long Version,
    long Position,
    Guid EventId,
    string Type,
    object Payload,
    EventMetadata Metadata,
    long TimestampMs);

/// <summary>The stream's version and the last global position after an append.</summary>
public readonly record struct AppendResult(long StreamVersion, long LastPosition, int Written);

/// <summary>Special values for the expected version of an append.</summary>
public static class ExpectedVersion
{
    /// <summary>Append whatever the stream's version is.</summary>
    public const long Any = -1;

    /// <summary>The stream must not exist yet.</summary>
    public const long NoStream = 0;
}
