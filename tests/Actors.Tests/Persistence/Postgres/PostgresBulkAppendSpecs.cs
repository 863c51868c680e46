using ActorArb.Actors.Persistence;
using ActorArb.Actors.Persistence.Postgres;
using ActorArb.Domain.Events;
using ActorArb.Domain.Market;

namespace ActorArb.Actors.Tests.Persistence.Postgres;

/// <summary>Bulk appends through binary COPY: the direct path for a new stream and the staging path for an existing one.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresBulkAppendSpecs(PostgresServer server)
{
    [Fact]
    public async Task BulkAppend_should_store_a_hundred_thousand_candles_that_read_back_equal_and_in_order()
    {
        var store = new PostgresEventStore(server.DataSource, PostgresServer.Options(server.NewSchemaName("bulk")));
        await store.AppendAsync("before", ExpectedVersion.NoStream, [PostgresEventStoreSpecs.Test("before", 1)]);
        var events = Candles("candles-kraken-usdc", 100_000);

        var result = await store.BulkAppendAsync("candles-kraken-usdc", ExpectedVersion.NoStream, events);

        Assert.Equal(new AppendResult(100_000, 100_001, 100_000), result);
        var read = await PostgresEventStoreSpecs.ToList(store.ReadStreamAsync("candles-kraken-usdc"));
        Assert.Equal(events.Select(e => e.Payload), read.Select(e => e.Payload));
        Assert.Equal(Enumerable.Range(1, 100_000).Select(v => (long)v), read.Select(e => e.Version));
        Assert.Equal(Enumerable.Range(2, 100_000).Select(p => (long)p), read.Select(e => e.Position));
        Assert.All(read, e => Assert.Equal("CandleClosed", e.Type));
    }

    [Fact]
    public async Task BulkAppend_should_write_nothing_twice_when_retried_and_check_the_version_of_an_existing_stream()
    {
        var store = new PostgresEventStore(server.DataSource, PostgresServer.Options(server.NewSchemaName("bulkx")));
        var events = Candles("s", 3_000);
        await store.BulkAppendAsync("s", ExpectedVersion.NoStream, events[..1_000]);

        var retry = await store.BulkAppendAsync("s", ExpectedVersion.NoStream, events[..1_000]);
        var stale = await Assert.ThrowsAsync<ConcurrencyException>(() => store.BulkAppendAsync("s", 999, events[1_000..2_000]));
        var overlapping = await store.BulkAppendAsync("s", ExpectedVersion.Any, events[500..3_000]);

        Assert.Equal(0, retry.Written);
        Assert.Equal(("s", 999L, 1_000L), (stale.StreamId, stale.ExpectedVersion, stale.ActualVersion));
        Assert.Equal(new AppendResult(3_000, 3_000, 2_000), overlapping);
        var read = await PostgresEventStoreSpecs.ToList(store.ReadStreamAsync("s"));
        Assert.Equal(events.Select(e => e.EventId), read.Select(e => e.EventId));
        Assert.Equal(Enumerable.Range(1, 3_000).Select(v => (long)v), read.Select(e => e.Version));
    }

    internal static EventData[] Candles(string stream, int count)
    {
        var instrument = new InstrumentId("kraken", "USDC/USD");
        var metadata = new EventMetadata(SourceNode: "bulk-test");
        var events = new EventData[count];
        for (var i = 0; i < count; i++)
        {
            var close = new Price(999_000_000 + (i % 2_000) * 1_000);
            var candle = new Candle(instrument, Timeframe.OneMinute, 1_700_000_000_000 + i * 60_000L, close, close + new Price(5_000), close - new Price(7_000), close, i * 0.5, i % 40, CandleFlags.None);
            events[i] = new EventData(EventIds.For(stream, i + 1), "CandleClosed", new CandleClosed(candle), metadata);
        }

        return events;
    }
}
