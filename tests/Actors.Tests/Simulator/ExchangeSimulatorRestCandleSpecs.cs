using System.Net;
using System.Text.Json;
using ActorArb.Domain.Market;
using ActorArb.Simulator;
using static ActorArb.Actors.Tests.Simulator.SimulatorKit;

namespace ActorArb.Actors.Tests.Simulator;

public sealed class ExchangeSimulatorRestCandleSpecs
{
    /// <summary>Three trades in minute 0, none in minute 1, two in minute 2, one in minute 3 (the minute still open).</summary>
    private static readonly (int Second, string Price, double Size, Side Side)[] Trades =
    [
        (5, "1.0002", 10, Side.Buy), (20, "0.9990", 5, Side.Sell), (59, "1.0001", 2.5, Side.Buy),
        (125, "0.9995", 4, Side.Sell), (150, "0.9999", 1, Side.Buy),
        (190, "1.0000", 3, Side.Buy),
    ];

    private const long Minute0 = 1_700_000_040_000;

    [Fact]
    public async Task Candles_should_be_built_from_published_trades_in_each_venues_shape_flat_where_the_venue_prints_idle_bars()
    {
        await using var sim = await StartAsync();
        using var http = new HttpClient();

        var exchange = Parse(await http.GetStringAsync(sim.RestUri("coinbase") + "/products/USDC-USD/candles?granularity=60"));
        var advanced = Parse(await http.GetStringAsync(sim.RestUri("coinbase") + $"/api/v3/brokerage/market/products/USDC-USD/candles?granularity=ONE_MINUTE&start={Minute0 / 1000}&end={(Minute0 / 1000) + 600}"));
        var kraken = Parse(await http.GetStringAsync(sim.RestUri("kraken") + "/0/public/OHLC?pair=USDCUSD&interval=1"));
        var binance = Parse(await http.GetStringAsync(sim.RestUri("binance") + "/api/v3/klines?symbol=USDCUSD&interval=1m"));

        AssertRowsShaped("coinbase/exchange_rest_candles_BTC-USDT_1h.json", exchange);
        Assert.Equal("[[1700000220,1,1,1,1,3],[1700000160,0.9995,0.9999,0.9995,0.9999,5],[1700000040,0.999,1.0002,1.0002,1.0001,17.5]]", exchange.GetRawText());
        AssertShapeWithin("coinbase/advanced_rest_candles_BTC-USD.json", advanced.GetRawText());
        Assert.Equal(
            """{"start":"1700000040","low":"0.999","high":"1.0002","open":"1.0002","close":"1.0001","volume":"17.5"}""",
            advanced.GetProperty("candles")[2].GetRawText());

        var ohlc = kraken.GetProperty("result").GetProperty("USDCUSD");
        AssertRowsShaped("kraken/rest_ohlc_XBTUSDT_1m.json", kraken);
        Assert.Equal([1700000040L, 1700000100, 1700000160, 1700000220], ohlc.EnumerateArray().Select(r => r[0].GetInt64()));
        Assert.Equal("""[1700000100,"1.0001","1.0001","1.0001","1.0001","0.0","0.00000000",0]""", ohlc[1].GetRawText());
        Assert.Equal("""[1700000160,"0.9995","0.9999","0.9995","0.9999","0.99958","5.00000000",2]""", ohlc[2].GetRawText());
        Assert.Equal(1700000160, kraken.GetProperty("result").GetProperty("last").GetInt64());

        AssertRowsShaped("binance/rest_klines_BTCUSDT_1m.json", binance);
        Assert.Equal(
            """[1700000040000,"1.00020000","1.00020000","0.99900000","1.00010000","17.50000000",1700000099999,"17.49725000",3,"12.50000000","12.50225000","0"]""",
            binance[0].GetRawText());
        Assert.Equal("""[1700000100000,"1.00010000","1.00010000","1.00010000","1.00010000","0.00000000",1700000159999,"0.00000000",0,"0.00000000","0.00000000","0"]""", binance[1].GetRawText());
    }

    [Fact]
    public async Task KrakenOhlc_should_serve_only_the_latest_720_intervals_whatever_since_asks()
    {
        var ticks = Ticks("kraken", "USDC/USD", 1_000, stepMs: 60_000, startMs: Minute0);
        await using var sim = await StartPausedAsync(SimulatorFeed.FromTicks("kraken", "USDC/USD", ticks));
        sim.Step(int.MaxValue);
        using var http = new HttpClient();

        var rows = Parse(await http.GetStringAsync(sim.RestUri("kraken") + $"/0/public/OHLC?pair=USDCUSD&interval=1&since={Minute0 / 1000}"))
            .GetProperty("result").GetProperty("USDCUSD").EnumerateArray().Select(r => r[0].GetInt64()).ToList();

        Assert.Equal(720, rows.Count);
        Assert.Equal((Minute0 / 1000) + (999 * 60), rows[^1]);
    }

    [Fact]
    public async Task Candles_should_page_by_time_and_refuse_ranges_longer_than_the_venue_serves()
    {
        await using var sim = await StartAsync();
        using var http = new HttpClient();

        var binancePage = Parse(await http.GetStringAsync(sim.RestUri("binance") + $"/api/v3/klines?symbol=USDCUSD&interval=1m&startTime={Minute0 + 60_000}&limit=2"));
        var krakenPage = Parse(await http.GetStringAsync(sim.RestUri("kraken") + $"/0/public/OHLC?pair=USDCUSD&interval=1&since={(Minute0 / 1000) + 60}"));
        var coinbaseRange = Parse(await http.GetStringAsync(sim.RestUri("coinbase") + $"/products/USDC-USD/candles?granularity=60&start={Minute0 / 1000}&end={(Minute0 / 1000) + 60}"));
        using var tooLong = await http.GetAsync(sim.RestUri("coinbase") + $"/products/USDC-USD/candles?granularity=60&start={Minute0 / 1000}&end={(Minute0 / 1000) + (300 * 60)}");

        Assert.Equal([Minute0 + 60_000, Minute0 + 120_000], binancePage.EnumerateArray().Select(r => r[0].GetInt64()));
        Assert.Equal([(Minute0 / 1000) + 120, (Minute0 / 1000) + 180], krakenPage.GetProperty("result").GetProperty("USDCUSD").EnumerateArray().Select(r => r[0].GetInt64()));
        Assert.Equal([Minute0 / 1000], coinbaseRange.EnumerateArray().Select(r => r[0].GetInt64()));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
    }

    private static async Task<ExchangeSimulator> StartAsync()
    {
        var feeds = SimulatorFlavours.Venues.Select(venue => SimulatorFeed.FromTicks(venue, "USDC/USD", Trades
            .Select((t, i) => new TradeTick(new InstrumentId(venue, "USDC/USD"), Minute0 + (t.Second * 1000L), Price.Parse(t.Price), t.Size, t.Side, (100 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToList())).ToArray();
        var sim = await StartPausedAsync(feeds);
        sim.Step(int.MaxValue);
        return sim;
    }

    /// <summary>Asserts that a response's rows (the top-level array, or Kraken's result array) have the sample's row shape.</summary>
    private static void AssertRowsShaped(string sample, JsonElement response)
    {
        if (Sample(sample) is not { } expected)
        {
            return;
        }

        static JsonElement Rows(JsonElement e) => e.ValueKind == JsonValueKind.Array
            ? e
            : e.GetProperty("result").EnumerateObject().First(p => p.Value.ValueKind == JsonValueKind.Array).Value;
        Assert.Equal(Shape(Rows(expected)[0]), Shape(Rows(response)[0]));
    }
}
