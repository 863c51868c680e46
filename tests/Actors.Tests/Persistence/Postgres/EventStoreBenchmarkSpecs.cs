using ActorArb.Actors.Persistence.Postgres;
using Xunit.Abstractions;

namespace ActorArb.Actors.Tests.Persistence.Postgres;

/// <summary>A small benchmark run: the figures are printed, and only their sanity is asserted (timings vary by machine).</summary>
[Collection(PostgresCollection.Name)]
public sealed class EventStoreBenchmarkSpecs(PostgresServer server, ITestOutputHelper output)
{
    [Fact]
    public async Task Benchmark_should_measure_every_figure_and_drop_its_schema()
    {
        var options = new EventStoreBenchOptions
        {
            Schema = server.NewSchemaName("bench"),
            BulkEvents = 20_000,
            SingleAppends = 200,
            Batches = 20,
            BatchSize = 100,
            LagWriters = 2,
            LagEventsPerWriter = 200,
        };

        var result = await EventStoreBenchmark.RunAsync(server.ConnectionString, options);

        output.WriteLine(result.ToString());
        Assert.All(
            new[] { result.Postgres, result.InMemory },
            f => Assert.True(f.BulkEventsPerSecond > 0 && f.SingleAppendP50Ms <= f.SingleAppendP99Ms && f.BatchAppendP50Ms <= f.BatchAppendP99Ms && f.BatchedEventsPerSecond > 0, f.ToString()));
        Assert.True(result.SubscriptionLagP50Ms > 0 && result.SubscriptionLagP50Ms <= result.SubscriptionLagP99Ms, result.ToString());
        await using var command = server.DataSource.CreateCommand($"select count(*) from pg_namespace where nspname = '{options.Schema}'");
        Assert.Equal(0L, await command.ExecuteScalarAsync());
    }
}
