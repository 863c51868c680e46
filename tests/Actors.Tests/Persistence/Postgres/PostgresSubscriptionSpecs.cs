using System.Collections.Concurrent;
using ActorArb.Actors.Persistence;
using ActorArb.Actors.Persistence.Postgres;

namespace ActorArb.Actors.Tests.Persistence.Postgres;

/// <summary>Subscriptions under concurrent writers whose transactions commit out of position order.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresSubscriptionSpecs(PostgresServer server)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Subscribe_should_deliver_every_event_once_in_position_order_when_transactions_commit_out_of_order()
    {
        var store = new PostgresEventStore(server.DataSource, PostgresServer.Options(server.NewSchemaName("sub")));
        await store.MigrateAsync();
        const int Writers = 8;
        const int PerWriter = 2_000;
        var received = new List<RecordedEvent>();
        var all = new TaskCompletionSource();
        using var stop = new CancellationTokenSource();
        var subscription = store.SubscribeAsync(
            "projection",
            (e, _) =>
            {
                received.Add(e);
                if (received.Count == Writers * PerWriter)
                {
                    all.TrySetResult();
                }

                return ValueTask.CompletedTask;
            },
            stop.Token);

        var commits = new ConcurrentQueue<long>();
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(() => WriteHoldingTransactionsOpen(store, $"writer-{w}", PerWriter, seed: w, commits))));
        await all.Task.WaitAsync(Patience);
        await stop.CancelAsync();
        await subscription;

        // The premise: some transaction committed after one holding a higher position.
        var commitOrder = commits.ToArray();
        Assert.Contains(commitOrder.Skip(1).Zip(commitOrder), pair => pair.First < pair.Second);

        Assert.Equal(Writers * PerWriter, received.Count);
        Assert.True(received.Zip(received.Skip(1)).All(p => p.First.Position < p.Second.Position), "positions must strictly increase");
        var stored = await PostgresEventStoreSpecs.ToList(store.ReadAllAsync());
        Assert.Equal(stored.Select(e => e.EventId), received.Select(e => e.EventId));
        Assert.Equal(received[^1].Position, await store.ReadCheckpointAsync("projection"));
    }

    [Fact]
    public async Task Subscribe_should_resume_exactly_after_its_checkpoint_when_restarted()
    {
        var store = new PostgresEventStore(server.DataSource, PostgresServer.Options(server.NewSchemaName("resume")));
        await store.MigrateAsync();
        var writing = Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(() => WriteHoldingTransactionsOpen(store, $"w{w}", 500, seed: 100 + w, new ConcurrentQueue<long>()))));

        var first = new List<long>();
        using (var stopFirst = new CancellationTokenSource())
        {
            await store.SubscribeAsync(
                "resumer",
                (e, _) =>
                {
                    first.Add(e.Position);
                    if (first.Count == 700)
                    {
                        stopFirst.Cancel();
                    }

                    return ValueTask.CompletedTask;
                },
                stopFirst.Token).WaitAsync(Patience);
        }

        Assert.Equal(700, first.Count);
        Assert.Equal(first[^1], await store.ReadCheckpointAsync("resumer"));

        await writing;
        var second = new List<long>();
        var rest = new TaskCompletionSource();
        using var stopSecond = new CancellationTokenSource();
        var resumed = store.SubscribeAsync(
            "resumer",
            (e, _) =>
            {
                second.Add(e.Position);
                if (first.Count + second.Count == 2_000)
                {
                    rest.TrySetResult();
                }

                return ValueTask.CompletedTask;
            },
            stopSecond.Token);
        await rest.Task.WaitAsync(Patience);
        await stopSecond.CancelAsync();
        await resumed;

        var stored = (await PostgresEventStoreSpecs.ToList(store.ReadAllAsync())).Select(e => e.Position).ToList();
        Assert.Equal(stored, first.Concat(second));
    }

    /// <summary>
    /// Appends <paramref name="count"/> events to <paramref name="stream"/> in batches of 1-8, each in a
    /// transaction held open for a random few milliseconds after its positions are allocated, and records each
    /// batch's last position in commit order.
    /// </summary>
    internal static async Task WriteHoldingTransactionsOpen(PostgresEventStore store, string stream, int count, int seed, ConcurrentQueue<long> commits)
    {
        var random = new Random(seed);
        var written = 0;
        while (written < count)
        {
            var n = Math.Min(random.Next(1, 9), count - written);
            var batch = Enumerable.Range(written + 1, n).Select(i => PostgresEventStoreSpecs.Test(stream, i)).ToArray();
            await using var connection = await store.DataSource.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            var result = await store.AppendAsync(connection, stream, written, batch);
            if (random.Next(3) > 0)
            {
                await Task.Delay(random.Next(1, 4));
            }

            await transaction.CommitAsync();
            commits.Enqueue(result.LastPosition);
            written += n;
        }
    }
}
