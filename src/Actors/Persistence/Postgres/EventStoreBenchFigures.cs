namespace ActorArb.Actors.Persistence.Postgres;

/// <summary>Append figures of one store in an <see cref="EventStoreBenchmark"/> run.</summary>
/// <param name="BulkEventsPerSecond">Events per second of one bulk append (binary COPY on PostgreSQL).</param>
/// <param name="ParallelBulkEventsPerSecond">Events per second of bulk appends to several streams at once.</param>
/// <param name="SingleAppendP50Ms">Median latency of a one-event append, in milliseconds.</param>
/// <param name="SingleAppendP99Ms">99th percentile latency of a one-event append, in milliseconds.</param>
/// <param name="SingleEventsPerSecond">Events per second of one-event appends made one after another.</param>
/// <param name="BatchedEventsPerSecond">Events per second of batched appends made one after another.</param>
/// <param name="BatchAppendP50Ms">Median latency of one batched append, in milliseconds.</param>
/// <param name="BatchAppendP99Ms">99th percentile latency of one batched append, in milliseconds.</param>
public sealed record EventStoreBenchFigures(
    double BulkEventsPerSecond,
    double ParallelBulkEventsPerSecond,
    double SingleAppendP50Ms,
    double SingleAppendP99Ms,
    double SingleEventsPerSecond,
    double BatchedEventsPerSecond,
    double BatchAppendP50Ms,
    double BatchAppendP99Ms);
