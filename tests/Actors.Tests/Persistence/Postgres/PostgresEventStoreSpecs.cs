using System.Globalization;
using System.Text.Json;
using ActorArb.Actors.Persistence;
using ActorArb.Actors.Persistence.Postgres;
using ActorArb.Actors.Tests.Persistence.Serialization;
using ActorArb.Domain.Events;

namespace ActorArb.Actors.Tests.Persistence.Postgres;

/// <summary>The contract specs and the PostgreSQL store's own guarantees, on a real throwaway server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresEventStoreSpecs(PostgresServer server) : EventStoreContractSpecs
{
    protected override IEventStore CreateStore() => NewStore();

    [Fact]
    public async Task Append_should_let_exactly_one_of_racing_writers_win_and_name_the_actual_version_to_the_others()
    {
        var store = NewStore();

        var attempts = Enumerable.Range(1, 6).Select(w => Task.Run(async () =>
        {
            try
            {
                await store.AppendAsync("race", ExpectedVersion.NoStream, [Test("race", w * 10 + 1), Test("race", w * 10 + 2)]);
                return null;
            }
            catch (ConcurrencyException e)
            {
                return e;
            }
        }));
        var outcomes = await Task.WhenAll(attempts);

        Assert.Single(outcomes, e => e is null);
        Assert.All(outcomes.OfType<ConcurrencyException>(), e =>
        {
            Assert.Equal(("race", 0L, 2L), (e.StreamId, e.ExpectedVersion, e.ActualVersion));
            Assert.Equal("stream 'race': expected version 0, but it is at version 2", e.Message);
        });
        Assert.Equal([1L, 2], (await ToList(store.ReadStreamAsync("race"))).Select(e => e.Version));
    }

    [Fact]
    public async Task Append_should_write_nothing_and_not_throw_when_a_landed_append_is_retried_after_the_stream_moved_on()
    {
        var store = NewStore();
        var first = new[] { Test("s", 1), Test("s", 2) };
        await store.AppendAsync("s", ExpectedVersion.NoStream, first);
        await store.AppendAsync("s", 2, [Test("s", 3)]);

        var retry = await store.AppendAsync("s", ExpectedVersion.NoStream, first);

        Assert.Equal(0, retry.Written);
        Assert.Equal(3, retry.StreamVersion);
        Assert.Equal(2, retry.LastPosition);
        Assert.Equal(["s1", "s2", "s3"], (await ToList(store.ReadAllAsync())).Select(e => (string)e.Payload));
    }

    [Fact]
    public async Task Append_should_write_only_the_new_events_when_a_batch_partly_landed()
    {
        var store = NewStore();
        await store.AppendAsync("p", ExpectedVersion.NoStream, [Test("p", 1), Test("p", 2)]);

        var result = await store.AppendAsync("p", ExpectedVersion.Any, [Test("p", 1), Test("p", 2), Test("p", 3)]);

        Assert.Equal(new AppendResult(3, 3, 1), result);
        Assert.Equal([1L, 2, 3], (await ToList(store.ReadStreamAsync("p"))).Select(e => e.Version));
    }

    [Fact]
    public async Task Append_should_round_trip_every_domain_event_through_json_with_metadata_and_timestamp()
    {
        var store = NewStore();
        var events = DomainEventSamples.All();
        var metadata = new EventMetadata("corr-1", "cause-2", "node-a");

        await store.AppendAsync("domain", ExpectedVersion.NoStream, events.Select((e, i) => new EventData(EventIds.For("domain", i + 1), EventTypeNames.Of(e), e, metadata)).ToArray());

        var read = await ToList(store.ReadStreamAsync("domain"));
        Assert.Equal(events, read.Select(e => e.Payload));
        Assert.Equal(events.Select(EventTypeNames.Of), read.Select(e => e.Type));
        Assert.All(read, e => Assert.Equal((metadata, 1_700_000_000_000L), (e.Metadata, e.TimestampMs)));
    }

    [Fact]
    public async Task Read_should_return_an_event_of_an_unregistered_type_as_its_json()
    {
        var store = NewStore();
        await store.AppendAsync("x", ExpectedVersion.NoStream, [new EventData(Guid.NewGuid(), "FromANewerNode", new TradingHalted(5, "why"), EventMetadata.Empty)]);

        var payload = Assert.IsType<JsonElement>(Assert.Single(await ToList(store.ReadAllAsync())).Payload);

        Assert.Equal("why", payload.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Append_on_a_caller_transaction_should_leave_nothing_when_the_transaction_rolls_back()
    {
        var store = NewStore();
        await store.AppendAsync("t", ExpectedVersion.NoStream, [Test("t", 1)]);

        await using (var connection = await server.DataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            var inside = await store.AppendAsync(connection, "t", 1, [Test("t", 2)]);
            Assert.Equal(2, inside.StreamVersion);
            await transaction.RollbackAsync();
        }

        var next = await store.AppendAsync("t", 1, [Test("t", 3)]);
        Assert.Equal(2, next.StreamVersion);
        Assert.Equal(["t1", "t3"], (await ToList(store.ReadStreamAsync("t"))).Select(e => (string)e.Payload));
    }

    [Fact]
    public async Task Migrate_should_apply_each_migration_once_when_four_nodes_start_at_once()
    {
        var schema = await server.CreateSchemaAsync("migrate");
        var nodes = Enumerable.Range(0, 4).Select(_ => new PostgresEventStore(server.DataSource, PostgresServer.Options(schema))).ToArray();

        await Task.WhenAll(nodes.Select(n => Task.Run(() => n.MigrateAsync())));

        await using var command = server.DataSource.CreateCommand($"select count(*), count(distinct version), min(version) from {schema}.schema_migrations");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal((2L, 2L, 1), (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt32(2)));
        await nodes[3].AppendAsync("after", ExpectedVersion.NoStream, [Test("after", 1)]);
        Assert.Single(await ToList(nodes[0].ReadStreamAsync("after")));
    }

    [Fact]
    public async Task Events_of_one_stream_should_sort_by_id_in_version_order_in_PostgreSQL_whichever_way_they_were_written()
    {
        var store = NewStore();
        var events = Enumerable.Range(1, 600).Select(n => Test("ordered", n)).ToArray();

        await store.BulkAppendAsync("ordered", ExpectedVersion.NoStream, events[..300]);
        await store.AppendAsync("ordered", 300, events[300..]);

        var versions = await server.RowsAsync($"select version from {store.Schema}.events order by event_id");
        Assert.Equal(Enumerable.Range(1, 600).Select(v => v.ToString(CultureInfo.InvariantCulture)), versions);
    }

    internal static EventData Test(string stream, int n) => new(EventIds.For(stream, n), "Test", $"{stream}{n}", EventMetadata.Empty);

    internal static async Task<List<RecordedEvent>> ToList(IAsyncEnumerable<RecordedEvent> events)
    {
        var list = new List<RecordedEvent>();
        await foreach (var e in events)
        {
            list.Add(e);
        }

        return list;
    }

    private PostgresEventStore NewStore() => new(server.DataSource, PostgresServer.Options(server.NewSchemaName("store")));
}
