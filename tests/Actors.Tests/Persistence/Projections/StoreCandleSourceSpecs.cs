using ActorArb.Actors.Persistence;
using ActorArb.Actors.Persistence.Projections;
using ActorArb.Actors.Replay.Sources;
using ActorArb.Actors.Tests.Persistence.Postgres;
using ActorArb.Domain.Market;
using static ActorArb.Actors.Tests.Persistence.Projections.ProjectionFixtures;

namespace ActorArb.Actors.Tests.Persistence.Projections;

/// <summary>The candles table as a replay source, written through <c>CandleClosed</c> events and the projection.</summary>
[Collection(PostgresCollection.Name)]
public sealed class StoreCandleSourceSpecs(PostgresServer server)
{
    private const string KrakenUsdc = "candles/kraken/USDCUSD-1m-20230301-20230321.csv";

    private static readonly Instrument Bitcoin = new(Btc, Price.Parse("0.000000001"));

    [Fact]
    public async Task StoreCandleSource_should_return_exactly_the_candles_written_in_open_time_order_across_pages()
    {
        var store = await NewStoreAsync(server, "source_pages");
        var minutes = Minutes(Btc, 1_000, seed: 9);
        var hours = Hours(minutes);
        var eth = Minutes(new InstrumentId("kraken", "ETH/USD"), 50, seed: 10);
        var coinbase = Minutes(new InstrumentId("coinbase", "BTC/USD"), 50, seed: 11);

        // Appended newest first, so the table's insertion order is not the open-time order.
        await store.AppendAsync("s", ExpectedVersion.NoStream, Closed("s", Enumerable.Reverse(minutes).Concat(hours).Concat(eth).Concat(coinbase)));
        await Runner(store, new CandleProjection()).CatchUpAsync();

        using var source = new StoreCandleSource(store, Bitcoin, Timeframe.OneMinute, pageSize: 7);
        Assert.Equal(1_000, source.EstimatedCount);
        var read = ReadAll(source, batch: 13);

        Assert.Equal(minutes, read);
        Assert.Equal(1_000, source.Quality.RowsRead);
        Assert.Equal(1_000, source.Quality.RowsAccepted);
        Assert.Equal(1_000, source.Position);
        Assert.Equal(0, source.ReadCandles([], 10));
        Assert.Equal(SourceKind.Candles, source.Kind);
        Assert.Equal($"store candles {store.Schema}.candles (kraken:BTC/USD 1m)", source.Description);
        Assert.Throws<InvalidOperationException>(() => source.ReadTicks([], 1));

        using var hourly = new StoreCandleSource(store.DataSource, store.Schema, Bitcoin, new Timeframe(3_600_000));
        Assert.Equal(hours, ReadAll(hourly, batch: 1_000));
    }

    [Fact]
    public async Task StoreCandleSource_should_read_only_the_window_from_inclusive_to_exclusive()
    {
        var store = await NewStoreAsync(server, "source_window");
        var minutes = Minutes(Btc, 300, seed: 12);
        await store.AppendAsync("s", ExpectedVersion.NoStream, Closed("s", minutes));
        await Runner(store, new CandleProjection()).CatchUpAsync();

        using var window = new StoreCandleSource(store, Bitcoin, Timeframe.OneMinute, fromMs: minutes[100].OpenTimeMs, toMs: minutes[200].OpenTimeMs, pageSize: 30);
        using var tail = new StoreCandleSource(store, Bitcoin, Timeframe.OneMinute, fromMs: minutes[250].OpenTimeMs + 1);
        using var head = new StoreCandleSource(store, Bitcoin, Timeframe.OneMinute, toMs: minutes[10].OpenTimeMs + 1, pageSize: 11);

        Assert.Equal(100, window.EstimatedCount);
        Assert.Equal(minutes[100..200], ReadAll(window, batch: 64));
        Assert.Equal(minutes[251..], ReadAll(tail, batch: 64));
        Assert.Equal(minutes[..11], ReadAll(head, batch: 64));
        Assert.Equal(11, head.Quality.RowsRead);
        Assert.Throws<ArgumentException>(() => new StoreCandleSource(store, Bitcoin, Timeframe.OneMinute, fromMs: 5, toMs: 5));
    }

    [Fact]
    public async Task StoreCandleSource_should_say_the_projection_has_not_run_when_the_table_is_missing()
    {
        var store = await NewStoreAsync(server, "source_missing");

        var error = Assert.Throws<InvalidOperationException>(() => new StoreCandleSource(store, Bitcoin, Timeframe.OneMinute));

        Assert.Contains($"{store.Schema}.candles does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoreCandleSource_should_return_the_kraken_usdc_candles_of_the_csv_file_when_written_through_events()
    {
        if (SharedData.File(KrakenUsdc) is not { } path)
        {
            return;
        }

        var usdc = new Instrument(new InstrumentId("kraken", "USDC/USD"), Price.Parse("0.0001"), Price.Parse("1"));
        List<Candle> fromCsv;
        using (var csv = new CsvCandleSource(path, usdc, Timeframe.OneMinute, CsvSourceOptions.Default))
        {
            fromCsv = ReadAll(csv, batch: 4_096);
        }

        var store = await NewStoreAsync(server, "source_kraken");
        await store.BulkAppendAsync("kraken-usdc/candles/kraken:USDC/USD", ExpectedVersion.NoStream, Closed("kraken-usdc/candles/kraken:USDC/USD", fromCsv));
        await Runner(store, new CandleProjection()).CatchUpAsync();

        using var source = new StoreCandleSource(store, usdc, Timeframe.OneMinute);
        var fromStore = ReadAll(source, batch: 4_096);

        Assert.Equal(20_934, fromStore.Count);
        Assert.Equal(fromCsv, fromStore);
        Assert.Equal(20_934, source.EstimatedCount);
        Assert.Equal(source.Quality.RowsRead, source.Quality.RowsAccepted);
    }

    private static List<Candle> ReadAll(HistoricalSource source, int batch)
    {
        var all = new List<Candle>();
        while (source.ReadCandles(all, batch) > 0)
        {
        }

        return all;
    }
}
