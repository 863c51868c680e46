using System.Collections.Concurrent;
using System.Diagnostics;
using ActorArb.Actors.Persistence;
using ActorArb.Actors.Persistence.Postgres;

namespace ActorArb.Actors.Tests.Persistence.Postgres;

/// <summary>The store through a PostgreSQL restart. Runs in the server's collection, so no other class sees the outage.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresFaultSpecs(PostgresServer server)
{
    [Fact]
    public async Task Appends_should_all_land_once_without_gaps_when_PostgreSQL_restarts_while_they_are_in_flight()
    {
        var store = new PostgresEventStore(server.DataSource, PostgresServer.Options(server.NewSchemaName("fault")));
        await store.MigrateAsync();
        const int Writers = 4;
        const int PerWriter = 150;
        var received = new ConcurrentQueue<long>();
        var all = new TaskCompletionSource();
        using var stop = new CancellationTokenSource();
        var subscription = store.SubscribeAsync(
            "through-restart",
            (e, _) =>
            {
                received.Enqueue(e.Position);
                if (received.Count == Writers * PerWriter)
                {
                    all.TrySetResult();
                }

                return ValueTask.CompletedTask;
            },
            stop.Token);

        var appended = 0;
        var slowest = new long[Writers];
        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            var stream = $"fw{w}";
            var version = 0L;
            for (var i = 1; i <= PerWriter; i++)
            {
                // An explicit expected version: a retry after a lost acknowledgement must not read as a conflict.
                var started = Stopwatch.GetTimestamp();
                version = (await store.AppendAsync(stream, version, [PostgresEventStoreSpecs.Test(stream, i)])).StreamVersion;
                slowest[w] = Math.Max(slowest[w], (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                Interlocked.Increment(ref appended);
                await Task.Delay(1);
            }
        })).ToArray();

        while (Volatile.Read(ref appended) < 100)
        {
            await Task.Delay(5);
        }

        var beforeRestart = Volatile.Read(ref appended);
        await server.RestartAsync(TimeSpan.FromMilliseconds(300));
        await Task.WhenAll(writers).WaitAsync(TimeSpan.FromSeconds(60));

        // The premise: the outage happened while appends were in flight, and they waited it out.
        Assert.True(beforeRestart < Writers * PerWriter, "the restart came after the appends had finished");
        Assert.True(slowest.Max() >= 250, $"no append waited through the outage (slowest {slowest.Max()} ms)");

        await all.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await subscription;

        var stored = await PostgresEventStoreSpecs.ToList(store.ReadAllAsync());
        Assert.Equal(Writers * PerWriter, stored.Select(e => e.EventId).Distinct().Count());
        Assert.Equal(Writers * PerWriter, stored.Count);
        for (var w = 0; w < Writers; w++)
        {
            var stream = $"fw{w}";
            var events = stored.Where(e => e.StreamId == stream).ToList();
            Assert.Equal(Enumerable.Range(1, PerWriter).Select(i => (long)i), events.Select(e => e.Version));
            Assert.Equal(Enumerable.Range(1, PerWriter).Select(i => $"{stream}{i}"), events.Select(e => (string)e.Payload));
        }

        Assert.Equal(stored.Select(e => e.Position), received);
    }
}
