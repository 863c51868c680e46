using System.Globalization;
using ActorArb.Actors.Persistence;
using ActorArb.Actors.Runtime.Persistence;
using ActorArb.Actors.Tests.Persistence.Postgres;
using Xunit.Abstractions;

namespace ActorArb.Actors.Tests.Runtime.Persistence;

/// <summary>Runs the persistent-actor benchmark once on PostgreSQL, checking that it wrote every event; the figure is printed, not judged.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PersistenceBenchmarkSpecs(PostgresServer server, ITestOutputHelper output)
{
    [Fact]
    public async Task PersistenceBenchmark_should_persist_every_event_and_report_its_rate_when_run_on_postgresql()
    {
        var store = PostgresStores.Journal(server);

        var rate = await PersistenceBenchmark.RunAsync(store, 20_000, 500);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"persistent actor on PostgreSQL, batches of 500: {rate:F0} events/s"));
        Assert.True(rate > 0);
        var stored = new List<RecordedEvent>();
        await foreach (var e in store.ReadAllAsync())
        {
            stored.Add(e);
        }

        Assert.Equal(20_000, stored.Count);
        Assert.Equal(Enumerable.Range(1, 20_000).Select(v => (long)v), stored.Select(e => e.Version));
        Assert.Equal(Enumerable.Range(0, 20_000).Select(i => i.ToString(CultureInfo.InvariantCulture)), stored.Select(e => (string)e.Payload));
    }
}
