namespace ActorArb.Actors.Persistence.Postgres;

/// <summary>The benchmark's event for subscription lag: who sent it and when, on the process's monotonic clock.</summary>
internal sealed record LagProbe(int Writer, long Sequence, long SentTimestamp);
