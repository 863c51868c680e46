using System.Globalization;
using System.Text;

namespace ActorArb.Actors.Persistence.Postgres;

/// <summary>The figures of one <see cref="EventStoreBenchmark"/> run: PostgreSQL, the in-memory baseline, and subscription lag.</summary>
/// <param name="Options">The sizes the run used.</param>
/// <param name="Postgres">The PostgreSQL store's append figures.</param>
/// <param name="InMemory">The in-memory store's append figures, measured the same way in the same process.</param>
/// <param name="SubscriptionLagP50Ms">Median time from a writer starting an append to the subscriber handling the event, in milliseconds.</param>
/// <param name="SubscriptionLagP99Ms">99th percentile of that time, in milliseconds.</param>
/// <param name="LoadEventsPerSecond">Events per second the concurrent writers appended while the lag was measured.</param>
public sealed record EventStoreBenchResult(
    EventStoreBenchOptions Options,
    EventStoreBenchFigures Postgres,
    EventStoreBenchFigures InMemory,
    double SubscriptionLagP50Ms,
    double SubscriptionLagP99Ms,
    double LoadEventsPerSecond)
{
    /// <summary>Returns the figures as an aligned text table, with PostgreSQL's share of the in-memory figure.</summary>
    public override string ToString()
    {
        var o = Options;
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"{"measure",-44} {"postgres",12} {"in-memory",12} {"pg/mem",8}");
        Row(text, $"bulk append ({o.BulkEvents:N0} events), events/s", Postgres.BulkEventsPerSecond, InMemory.BulkEventsPerSecond);
        Row(text, $"bulk append, {o.BulkParallelStreams} streams at once, events/s", Postgres.ParallelBulkEventsPerSecond, InMemory.ParallelBulkEventsPerSecond);
        Row(text, $"single-event append p50 ms ({o.SingleAppends:N0})", Postgres.SingleAppendP50Ms, InMemory.SingleAppendP50Ms);
        Row(text, "single-event append p99 ms", Postgres.SingleAppendP99Ms, InMemory.SingleAppendP99Ms);
        Row(text, "single-event appends, events/s", Postgres.SingleEventsPerSecond, InMemory.SingleEventsPerSecond);
        Row(text, $"batched append ({o.Batches} x {o.BatchSize}), events/s", Postgres.BatchedEventsPerSecond, InMemory.BatchedEventsPerSecond);
        Row(text, "batched append p50 ms", Postgres.BatchAppendP50Ms, InMemory.BatchAppendP50Ms);
        Row(text, "batched append p99 ms", Postgres.BatchAppendP99Ms, InMemory.BatchAppendP99Ms);
        text.AppendLine(c, $"subscription lag under {o.LagWriters} writers ({LoadEventsPerSecond:N0} events/s): p50 {SubscriptionLagP50Ms:N2} ms, p99 {SubscriptionLagP99Ms:N2} ms");
        return text.ToString();
    }

    private static void Row(StringBuilder text, string measure, double postgres, double memory) =>
        text.AppendLine(CultureInfo.InvariantCulture, $"{measure,-44} {postgres,12:N2} {memory,12:N2} {(memory == 0 ? double.NaN : postgres / memory),8:N3}");
}
