using ActorArb.Actors.Persistence;
using ActorArb.Actors.Persistence.Postgres;
using ActorArb.Actors.Replay;
using ActorArb.Actors.Tests.Persistence.Postgres;
using ActorArb.Domain.Time;

namespace ActorArb.Actors.Tests.Resume;

/// <summary>The whole replay graph writing to PostgreSQL while the server restarts.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ReplayFaultSpecs(PostgresServer server)
{
    [Fact]
    public async Task Replay_should_complete_with_nothing_lost_or_doubled_when_PostgreSQL_restarts_while_the_graph_appends()
    {
        var schema = server.NewSchemaName("replay_fault");
        var options = PostgresServer.Options(schema);
        var store = new PostgresEventStore(server.DataSource, options);
        await store.MigrateAsync();
        var reference = new InMemoryEventStore(new ManualClock());
        var expected = await BacktestRunner.RunAsync(ResumePlans.Plan("fault", 30, swing: true), reference, checkpoints: new ReplayCheckpoints(3, Resume: false));
        var total = reference.Count;

        var count = $"select count(*) from {schema}.events";
        var run = Task.Run(() => BacktestRunner.RunAsync(ResumePlans.Plan("fault", 30, swing: true), store, checkpoints: new ReplayCheckpoints(3, Resume: false)));
        while (await server.ScalarAsync(count) < total / 4)
        {
            Assert.False(run.IsCompleted, "the run ended before a quarter of its events were stored");
            await Task.Delay(5);
        }

        var storedBefore = await server.ScalarAsync(count);
        await server.RestartAsync(TimeSpan.FromMilliseconds(500));
        var outcome = await run.WaitAsync(TimeSpan.FromSeconds(120));

        Assert.True(storedBefore < total, "the premise: the restart came while the graph was still appending");
        ResumePlans.AssertSameOutcome(expected, outcome);
        await ResumePlans.AssertSameEventsAsync(reference, store);
    }
}
