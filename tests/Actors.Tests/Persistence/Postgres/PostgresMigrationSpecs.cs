using ActorArb.Actors.Persistence;
using ActorArb.Actors.Persistence.Postgres;
using ActorArb.Actors.Tests.Persistence.Serialization;
using ActorArb.Domain.Events;
using Npgsql;
using NpgsqlTypes;

namespace ActorArb.Actors.Tests.Persistence.Postgres;

/// <summary>Upgrades of a schema written by an earlier version of the store, in place.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresMigrationSpecs(PostgresServer server)
{
    private const long VersionOneTimeMs = 1_600_000_000_000;

    [Fact]
    public async Task Migrate_should_upgrade_a_version_1_schema_once_when_four_nodes_start_at_once_keeping_its_events_and_snapshots()
    {
        var schema = server.NewSchemaName("upgrade");
        var old = DomainEventSamples.All().Select((e, i) => new EventData(LegacyId(i), EventTypeNames.Of(e), e, new EventMetadata("corr", "cause", "v1-node"))).ToArray();
        await CreateVersionOneAsync(schema, old);
        var nodes = Enumerable.Range(0, 4).Select(_ => new PostgresEventStore(server.DataSource, PostgresServer.Options(schema))).ToArray();

        await Task.WhenAll(nodes.Select(n => Task.Run(() => n.MigrateAsync())));

        Assert.Equal(["1", "2"], await server.RowsAsync($"select version from {schema}.schema_migrations order by version"));
        Assert.Equal(["events|data|json", "events|metadata|json", "snapshots|data|json"], await server.RowsAsync(
            $"select table_name, column_name, data_type from information_schema.columns where table_schema = '{schema}' and data_type in ('json', 'jsonb') order by 1, 2"));
        var read = await PostgresEventStoreSpecs.ToList(nodes[1].ReadStreamAsync("old"));
        Assert.Equal(old.Select(e => e.Payload), read.Select(e => e.Payload));
        Assert.Equal(old.Select(e => (e.EventId, e.Metadata, VersionOneTimeMs)), read.Select(e => (e.EventId, e.Metadata, e.TimestampMs)));
        var snapshot = await new PostgresSnapshotStore(nodes[2]).LoadLatestAsync("old");
        Assert.Equal(old[0].Payload, snapshot?.State);
        Assert.Equal(1, await server.ScalarAsync($"select count(*) from {schema}.events where data->'candle'->>'timeframe' = '4h'"));
    }

    [Fact]
    public async Task Append_should_skip_the_events_of_a_version_1_schema_when_retried_after_the_upgrade_and_continue_the_stream()
    {
        var schema = server.NewSchemaName("upgraded");
        var old = Enumerable.Range(0, 3).Select(i => new EventData(LegacyId(i), "Test", $"old{i}", EventMetadata.Empty)).ToArray();
        await CreateVersionOneAsync(schema, old);
        var store = new PostgresEventStore(server.DataSource, PostgresServer.Options(schema));

        var retried = await store.AppendAsync("old", ExpectedVersion.NoStream, old);
        var retriedBulk = await store.BulkAppendAsync("old", ExpectedVersion.NoStream, old);
        var next = await store.AppendAsync("old", 3, [PostgresEventStoreSpecs.Test("old", 4)]);
        var bulk = await store.BulkAppendAsync("old", 4, [.. old, .. Enumerable.Range(5, 1_000).Select(n => PostgresEventStoreSpecs.Test("old", n))]);

        Assert.Equal(new AppendResult(3, 3, 0), retried);
        Assert.Equal(new AppendResult(3, 3, 0), retriedBulk);
        Assert.Equal(new AppendResult(4, 4, 1), next);
        Assert.Equal(new AppendResult(1_004, 1_004, 1_000), bulk);
        var read = await PostgresEventStoreSpecs.ToList(store.ReadStreamAsync("old"));
        Assert.Equal(["old0", "old1", "old2", "old4", .. Enumerable.Range(5, 1_000).Select(n => $"old{n}")], read.Select(e => (string)e.Payload));
        Assert.Equal(Enumerable.Range(1, 1_004).Select(v => (long)v), read.Select(e => e.Version));
    }

    /// <summary>An id of the kind version 1 wrote: a hash with no order, unlike <see cref="EventIds"/> now.</summary>
    private static Guid LegacyId(int i) => new Guid($"9f3b2c1d-{i:x4}-4e5f-8a7b-6c5d4e3f2a1b");

    /// <summary>
    /// Creates <paramref name="schema"/> as the version-1 store did, holding <paramref name="events"/> in stream
    /// <c>old</c> (written through its jsonb <c>append_events</c>) and a snapshot of the first payload.
    /// </summary>
    private async Task CreateVersionOneAsync(string schema, EventData[] events)
    {
        var options = PostgresServer.Options(schema);
        var serializer = options.Serializer;
        var versionOne = PostgresMigrations.For(new PostgresNames(schema))[0];
        await using var connection = await server.DataSource.OpenConnectionAsync();
        await using (var create = new NpgsqlCommand(
            $"""
            create schema {schema};
            create table {schema}.schema_migrations (version integer primary key, applied_at timestamptz not null default now());
            {versionOne}
            insert into {schema}.schema_migrations (version) values (1);
            """,
            connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        await using (var append = new NpgsqlCommand($"select written from {schema}.append_events($1, $2, $3, $4, $5, $6, $7)", connection))
        {
            append.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "old", NpgsqlDbType = NpgsqlDbType.Text });
            append.Parameters.Add(new NpgsqlParameter<long> { TypedValue = ExpectedVersion.NoStream, NpgsqlDbType = NpgsqlDbType.Bigint });
            append.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. events.Select(e => e.EventId)], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
            append.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. events.Select(e => e.Type)], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            append.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. events.Select(e => serializer.Serialize(e.Payload))], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
            append.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. events.Select(e => serializer.SerializeMetadata(e.Metadata))], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
            append.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = DateTime.UnixEpoch.AddMilliseconds(VersionOneTimeMs), NpgsqlDbType = NpgsqlDbType.TimestampTz });
            Assert.Equal(events.Length, (int)(await append.ExecuteScalarAsync())!);
        }

        await using (var snapshot = new NpgsqlCommand($"insert into {schema}.snapshots (stream_id, version, type, data) values ('old', 1, $1, $2)", connection))
        {
            snapshot.Parameters.Add(new NpgsqlParameter<string> { TypedValue = EventTypeNames.Of(events[0].Payload), NpgsqlDbType = NpgsqlDbType.Text });
            snapshot.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serializer.Serialize(events[0].Payload), NpgsqlDbType = NpgsqlDbType.Jsonb });
            await snapshot.ExecuteNonQueryAsync();
        }
    }
}
