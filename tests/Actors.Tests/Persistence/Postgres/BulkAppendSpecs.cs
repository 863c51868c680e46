using System.Text.Json.Serialization;
using ActorArb.Actors.Persistence;
using ActorArb.Actors.Persistence.Postgres;
using ActorArb.Domain.Time;

namespace ActorArb.Actors.Tests.Persistence.Postgres;

/// <summary>
/// Bulk appends beyond a new stream: the direct COPY continuing an existing stream, the staging rerun when ids are
/// stored elsewhere, and failures on the client's side in the middle of a COPY.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class BulkAppendSpecs(PostgresServer server)
{
    [Fact]
    public async Task BulkAppend_should_continue_an_existing_stream_in_order_with_its_metadata_and_the_time_of_the_call()
    {
        var clock = new ManualClock(1_700_000_000_000);
        var store = new PostgresEventStore(server.DataSource, PostgresServer.Options(server.NewSchemaName("bulkc"), clock));
        var events = PostgresBulkAppendSpecs.Candles("s", 2_500);
        var metadata = new EventMetadata("corr", "cause", "node-é");
        var tail = events[1_000..].Select(e => e with { Metadata = metadata }).ToArray();
        await store.AppendAsync("other", ExpectedVersion.NoStream, [PostgresEventStoreSpecs.Test("other", 1)]);
        await store.BulkAppendAsync("s", ExpectedVersion.NoStream, events[..1_000]);
        clock.Advance(61_000);

        var result = await store.BulkAppendAsync("s", 1_000, tail);

        Assert.Equal(new AppendResult(2_500, 2_501, 1_500), result);
        var read = await PostgresEventStoreSpecs.ToList(store.ReadStreamAsync("s", 1_000));
        Assert.Equal(tail.Select(e => (e.EventId, e.Payload)), read.Select(e => (e.EventId, e.Payload)));
        Assert.Equal(Enumerable.Range(1_001, 1_500).Select(v => (long)v), read.Select(e => e.Version));
        Assert.Equal(Enumerable.Range(1_002, 1_500).Select(p => (long)p), read.Select(e => e.Position));
        Assert.All(read, e => Assert.Equal((metadata, 1_700_000_061_000L), (e.Metadata, e.TimestampMs)));
        Assert.Equal(2_500, await store.GetStreamVersionAsync("s"));
    }

    [Fact]
    public async Task BulkAppend_should_write_only_the_fresh_events_without_gaps_when_some_ids_are_stored_in_another_stream()
    {
        var store = new PostgresEventStore(server.DataSource, PostgresServer.Options(server.NewSchemaName("bulkd")));
        var events = PostgresBulkAppendSpecs.Candles("s", 2_000);
        await store.BulkAppendAsync("elsewhere", ExpectedVersion.NoStream, [events[10], events[1_500]]);

        var result = await store.BulkAppendAsync("s", ExpectedVersion.NoStream, events);

        // The direct COPY that failed on the stored ids took positions with it, as a rolled-back append does.
        Assert.Equal((1_998L, 1_998), (result.StreamVersion, result.Written));
        var read = await PostgresEventStoreSpecs.ToList(store.ReadStreamAsync("s"));
        Assert.Equal(events.Where((_, i) => i is not 10 and not 1_500).Select(e => e.EventId), read.Select(e => e.EventId));
        Assert.Equal(Enumerable.Range(1, 1_998).Select(v => (long)v), read.Select(e => e.Version));
        Assert.Equal(read.Select(e => e.Position).Order(), read.Select(e => e.Position));
        Assert.Equal(result.LastPosition, read[^1].Position);
    }

    [Fact]
    public async Task BulkAppend_should_store_nothing_and_leave_the_store_usable_when_a_payload_fails_to_serialize_mid_copy()
    {
        var store = new PostgresEventStore(server.DataSource, PostgresServer.Options(server.NewSchemaName("bulkf")));
        var events = PostgresBulkAppendSpecs.Candles("s", 5_000);
        var broken = events.ToArray();
        broken[4_000] = broken[4_000] with { Payload = typeof(string) };

        await Assert.ThrowsAsync<NotSupportedException>(() => store.BulkAppendAsync("s", ExpectedVersion.NoStream, broken));

        Assert.Equal(0, await store.GetStreamVersionAsync("s"));

        // The read above migrated the store: a count of 0 is an empty table, not a missing one.
        Assert.Equal(0, await server.ScalarAsync($"select count(*) from {store.Schema}.events"));
        var retried = await store.BulkAppendAsync("s", ExpectedVersion.NoStream, events);
        Assert.Equal((5_000L, 5_000), (retried.StreamVersion, retried.Written));
    }

    [Fact]
    public async Task BulkAppend_should_store_nothing_and_leave_the_store_usable_when_cancelled_mid_copy()
    {
        var store = new PostgresEventStore(server.DataSource, PostgresServer.Options(server.NewSchemaName("bulkx")));
        var events = PostgresBulkAppendSpecs.Candles("s", 5_000);
        using var cancel = new CancellationTokenSource();
        var tripped = events.ToArray();
        tripped[4_000] = tripped[4_000] with { Payload = new Tripwire(cancel) };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.BulkAppendAsync("s", ExpectedVersion.NoStream, tripped, cancel.Token));

        Assert.Equal(0, await store.GetStreamVersionAsync("s"));

        // The read above migrated the store: a count of 0 is an empty table, not a missing one.
        Assert.Equal(0, await server.ScalarAsync($"select count(*) from {store.Schema}.events"));
        var retried = await store.BulkAppendAsync("s", ExpectedVersion.NoStream, events);
        Assert.Equal((5_000L, 5_000), (retried.StreamVersion, retried.Written));
    }

    /// <summary>A payload that cancels the append while it is being serialized, well into the COPY.</summary>
    private sealed record Tripwire([property: JsonIgnore] CancellationTokenSource Cancel)
    {
        public int Value
        {
            get
            {
                Cancel.Cancel();
                return 1;
            }
        }
    }
}
