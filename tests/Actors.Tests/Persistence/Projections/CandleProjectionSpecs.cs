using ActorArb.Actors.Persistence;
using ActorArb.Actors.Persistence.Projections;
using ActorArb.Actors.Tests.Persistence.Postgres;
using ActorArb.Domain.Market;
using static ActorArb.Actors.Tests.Persistence.Projections.ProjectionFixtures;

namespace ActorArb.Actors.Tests.Persistence.Projections;

/// <summary>The candles read model on a real PostgreSQL: exact values, idempotence, restarts.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CandleProjectionSpecs(PostgresServer server)
{
    [Fact]
    public async Task CandleProjection_should_make_the_table_equal_the_candles_of_the_events_when_caught_up()
    {
        var store = await NewStoreAsync(server, "candles_equal");
        var minutes = Minutes(Btc, 5_000, seed: 1);
        var hours = Hours(minutes);
        await store.BulkAppendAsync("run-a/candles/kraken:BTC/USD", ExpectedVersion.NoStream, Closed("run-a/candles/kraken:BTC/USD", minutes.Concat(hours)));
        var eth = Minutes(new InstrumentId("kraken", "ETH/USD"), 300, seed: 2);
        await store.AppendAsync("run-a/candles/kraken:ETH/USD", ExpectedVersion.NoStream, Closed("run-a/candles/kraken:ETH/USD", eth));

        // A second run closing the same BTC candles is the same fact, not new rows.
        await store.BulkAppendAsync("run-b/candles/kraken:BTC/USD", ExpectedVersion.NoStream, Closed("run-b/candles/kraken:BTC/USD", minutes.Take(1_000)));
        await Runner(store, new CandleProjection(), batchSize: 700).CatchUpAsync();

        var table = await ReadCandlesAsync(store);
        Assert.Equal(5_000 + 84 + 300, table.Count);
        Assert.Equal(Sorted(minutes.Concat(hours).Concat(eth)), table);
        Assert.Contains(table, c => c.Timeframe.Ms == 3_600_000 && c.Flags == CandleFlags.Partial);
        Assert.Contains(table, c => c.Flags == CandleFlags.Flat);
        Assert.Equal(await HeadAsync(store), await Runner(store, new CandleProjection()).ReadPositionAsync(CandleProjection.ProjectionName));
        Assert.Equal(0, await LeftoverSubscribersAsync(store));
    }

    [Fact]
    public async Task CandleProjection_should_store_prices_as_exact_numerics()
    {
        var store = await NewStoreAsync(server, "candles_exact");
        var candle = new Candle(Btc, Timeframe.OneMinute, Start, Price.Parse("0.000000001"), Price.Parse("922337203.685477587"), Price.Parse("0.000000001"), Price.Parse("123456789.123456789"), 0.1 + 0.2, 7, CandleFlags.None);
        await store.AppendAsync("exact", ExpectedVersion.NoStream, Closed("exact", [candle]));
        await Runner(store, new CandleProjection()).CatchUpAsync();

        Assert.Equal("0.000000001|922337203.685477587|123456789.123456789", await Scalar(store, $"select open::text || '|' || high::text || '|' || close::text from {store.Schema}.candles"));
        Assert.Equal([candle], await ReadCandlesAsync(store));
    }

    [Fact]
    public async Task CandleProjection_should_keep_the_later_candle_when_a_key_is_closed_again_with_other_values()
    {
        var store = await NewStoreAsync(server, "candles_later");
        var first = Minutes(Btc, 3, seed: 3);
        var corrected = first[1] with { Close = first[1].Close + new Price(1), Volume = 42 };
        var reopened = first[2] with { TradeCount = 9 };

        // Within one batch (one statement) and across batches.
        await store.AppendAsync("s", ExpectedVersion.NoStream, Closed("s", [.. first, corrected]));
        await Runner(store, new CandleProjection()).CatchUpAsync();
        await store.AppendAsync("s", 4, Closed("s", [reopened], firstSequence: 5));
        await Runner(store, new CandleProjection()).CatchUpAsync();

        Assert.Equal([first[0], corrected, reopened], await ReadCandlesAsync(store));
    }

    [Fact]
    public async Task CandleProjection_should_change_and_duplicate_nothing_when_restarted_or_replayed_from_the_start()
    {
        var store = await NewStoreAsync(server, "candles_rerun");
        var minutes = Minutes(Btc, 2_000, seed: 4);
        await store.BulkAppendAsync("s", ExpectedVersion.NoStream, Closed("s", minutes.Concat(Hours(minutes))));
        await Runner(store, new CandleProjection(), batchSize: 300).CatchUpAsync();
        var rows = await RowVersionsAsync(store, "candles", "timeframe, open_time");
        var head = await HeadAsync(store);

        await Runner(store, new CandleProjection()).CatchUpAsync();
        Assert.Equal(rows, await RowVersionsAsync(store, "candles", "timeframe, open_time"));

        await RewindAsync(store, CandleProjection.ProjectionName, 0);
        await Runner(store, new CandleProjection(), batchSize: 450).CatchUpAsync();

        Assert.Equal(rows, await RowVersionsAsync(store, "candles", "timeframe, open_time"));
        Assert.Equal(await ExpectedCandlesAsync(store), await ReadCandlesAsync(store));
        Assert.Equal(head, await Runner(store, new CandleProjection()).ReadPositionAsync(CandleProjection.ProjectionName));
    }
}
