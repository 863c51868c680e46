namespace ActorArb.Actors.Persistence;

/// <summary>A snapshot as stored: the stream it belongs to, the version it includes and the state.</summary>
public sealed record StoredSnapshot(string StreamId, long Version, object State);
