namespace ActorArb.Actors.Persistence.Postgres;

/// <summary>The sizes of an <see cref="EventStoreBenchmark"/> run; the defaults are the published figures' sizes.</summary>
public sealed record EventStoreBenchOptions
{
    /// <summary>Returns the schema the run creates, fills and drops; any existing schema of that name is dropped first.</summary>
    public string Schema { get; init; } = "actorarb_bench";

    /// <summary>Returns how many events one bulk (COPY) append writes.</summary>
    public int BulkEvents { get; init; } = 200_000;

    /// <summary>
    /// Returns how many streams a second bulk measurement loads at once (the same total, split evenly), as a
    /// backfill of several instruments does; each stream's append is still one transaction.
    /// </summary>
    public int BulkParallelStreams { get; init; } = 2;

    /// <summary>Returns how many one-event appends the latency measurement makes, one after another.</summary>
    public int SingleAppends { get; init; } = 1_000;

    /// <summary>Returns how many batched appends are made, one after another.</summary>
    public int Batches { get; init; } = 100;

    /// <summary>Returns the number of events in each batched append.</summary>
    public int BatchSize { get; init; } = 100;

    /// <summary>Returns how many concurrent writers load the store while subscription lag is measured.</summary>
    public int LagWriters { get; init; } = 4;

    /// <summary>Returns how many one-event appends each of those writers makes.</summary>
    public int LagEventsPerWriter { get; init; } = 1_000;
}
