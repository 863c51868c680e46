using ActorArb.Actors.Feeds.Rest;
using ActorArb.Domain.Market;
using Xunit.Abstractions;
using static ActorArb.Actors.Tests.Feeds.Rest.ScriptedHandler;

namespace ActorArb.Actors.Tests.Feeds.Rest;

/// <summary>The clients read the venues' real REST answers (shared/data/messages), served by a scripted handler.</summary>
public sealed class RestRealPayloadSpecs(ITestOutputHelper output)
{
    [Fact]
    public async Task Kraken_should_read_the_real_ohlc_answer_and_leave_out_the_bar_still_open()
    {
        if (Sample("kraken/rest_ohlc_XBTUSDT_1m.json") is not { } ohlc)
        {
            return;
        }

        var (client, handler) = Client("kraken", Answer(200, ohlc));
        var bars = await client.CandlesAsync("XBT/USDT", Timeframe.OneMinute, 1_762_777_020_000, 1_762_900_000_000).ToListAsync();

        // 721 rows; "last" (1762820160) is the newest committed bar, the one after it is still open.
        Assert.Equal(720, bars.Count);
        var btc = new InstrumentId("kraken", "BTC/USDT");
        var flat = Price.Parse("106038.2");
        Assert.Equal(new Candle(btc, Timeframe.OneMinute, 1_762_777_020_000, flat, flat, flat, flat, 0, 0, CandleFlags.Flat), bars[0]);
        Assert.Equal((1_762_777_140_000, 0.00032101, 1), (bars[2].OpenTimeMs, bars[2].Volume, bars[2].TradeCount));
        Assert.Equal(1_762_820_160_000, bars[^1].OpenTimeMs);
        Assert.Equal(bars.Select((b, i) => 1_762_777_020_000 + (i * 60_000L)), bars.Select(b => b.OpenTimeMs));
        Assert.Contains("/0/public/OHLC?pair=XBTUSDT&interval=1&since=1762776960", handler.Requests[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kraken_should_build_the_bars_older_than_its_720_bar_ohlc_horizon_from_its_trades()
    {
        if (Sample("kraken/rest_ohlc_XBTUSDT_1m.json") is not { } ohlc)
        {
            return;
        }

        // The range starts an hour before the sample's first bar (1762777020): OHLC cannot reach back there.
        const string Trades = """
            {"error":[],"result":{"XXBTZUSDT":[
              ["105000.10000","0.50000000",1762773425.5123456,"b","m","",9000001],
              ["105010.00000","0.25000000",1762773430.25,"s","l","",9000002],
              ["104990.00000","1.00000000",1762773500.1,"s","m","",9000003]],"last":"1762773500100000000"}}
            """;
        const string NoTrades = """{"error":[],"result":{"XXBTZUSDT":[],"last":"1762773500100000000"}}""";
        const string NoBars = """{"error":[],"result":{"XXBTZUSDT":[],"last":1762820160}}""";
        var (client, handler) = Client("kraken", Answer(200, ohlc), Answer(200, Trades), Answer(200, NoTrades), Answer(200, NoBars));

        var bars = await client.CandlesAsync("BTC/USDT", Timeframe.OneMinute, 1_762_773_420_000, 1_762_900_000_000).ToListAsync();

        var btc = new InstrumentId("kraken", "BTC/USDT");
        Assert.Equal(new Candle(btc, Timeframe.OneMinute, 1_762_773_420_000, Price.Parse("105000.1"), Price.Parse("105010"), Price.Parse("105000.1"), Price.Parse("105010"), 0.75, 2, CandleFlags.None), bars[0]);
        Assert.Equal(new Candle(btc, Timeframe.OneMinute, 1_762_773_480_000, Price.Parse("104990"), Price.Parse("104990"), Price.Parse("104990"), Price.Parse("104990"), 1, 1, CandleFlags.None), bars[1]);
        Assert.All(bars.Skip(2).Take(58), b => Assert.Equal((Price.Parse("104990"), CandleFlags.Flat), (b.Close, b.Flags)));
        Assert.Equal(1_762_777_020_000, bars[60].OpenTimeMs);
        Assert.Equal(2 + 58 + 720, bars.Count);
        Assert.Equal(bars.Select((b, i) => 1_762_773_420_000 + (i * 60_000L)), bars.Select(b => b.OpenTimeMs));
        Assert.EndsWith("/0/public/Trades?pair=XBTUSDT&since=1762773419999999999", handler.Requests[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kraken_should_read_the_real_trades_answer_and_follow_its_nanosecond_cursor()
    {
        if (Sample("kraken/rest_trades_XBTUSDT.json") is not { } page)
        {
            return;
        }

        var (client, handler) = Client("kraken", Answer(200, page), Answer(200, """{"error":[],"result":{"XXBTZUSDT":[],"last":"1762820035982277754"}}"""));
        var trades = await client.TradesAsync("BTC/USDT", TradeCursor.FromTime(1_762_795_433_000), long.MaxValue).ToListAsync();

        Assert.Equal(1_000, trades.Count);
        var btc = new InstrumentId("kraken", "BTC/USDT");
        Assert.Equal(new TradeTick(btc, 1_762_795_433_971, Price.Parse("105433.6"), 0.00027625, Side.Buy, "10218208"), trades[0]);
        Assert.Equal(new TradeTick(btc, 1_762_820_035_982, Price.Parse("105899.4"), 0.00009443, Side.Sell, "10219207"), trades[^1]);
        Assert.EndsWith("since=1762795432999999999", handler.Requests[0], StringComparison.Ordinal);
        Assert.EndsWith("since=1762820035982277754", handler.Requests[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Binance_should_read_the_real_klines_and_trades_answers()
    {
        if (Sample("binance/rest_klines_BTCUSDT_1m.json") is not { } klines || Sample("binance/rest_trades_BTCUSDT.json") is not { } trades)
        {
            return;
        }

        var newest = """[{"id":1111468882,"price":"60650.01000000","qty":"0.00100000","quoteQty":"60.65001000","time":1634942950000,"isBuyerMaker":false,"isBestMatch":true}]""";
        var (client, handler) = Client("binance", Answer(200, klines), Answer(200, newest), Answer(200, trades), Answer(200, newest));
        var bars = await client.CandlesAsync("BTCUSDT", Timeframe.OneMinute, 1_634_943_780_000, 1_634_944_380_000).ToListAsync();
        var ticks = await client.TradesBetweenIdsAsync("btcusdt", "1111468872", string.Empty, 0).ToListAsync();

        var btc = new InstrumentId("binance", "BTC/USDT");
        Assert.Equal(10, bars.Count);
        Assert.Equal(
            new Candle(btc, Timeframe.OneMinute, 1_634_943_780_000, Price.Parse("60685.22"), Price.Parse("60729.84"), Price.Parse("60670.9"), Price.Parse("60719.27"), 21.63272, 617, CandleFlags.None),
            bars[0]);
        Assert.Equal(10, ticks.Count);
        Assert.Equal(new TradeTick(btc, 1_634_942_949_263, Price.Parse("60650"), 0.02924, Side.Sell, "1111468873"), ticks[0]);
        Assert.Equal(Side.Buy, ticks[1].AggressorSide);
        Assert.Equal("1111468882", ticks[^1].TradeId);
        Assert.Contains("/api/v3/klines?symbol=BTCUSDT&interval=1m&startTime=1634943780000&endTime=1634944379999&limit=1000", handler.Requests[0], StringComparison.Ordinal);
        Assert.Contains("/api/v3/historicalTrades?symbol=BTCUSDT&fromId=1111468873&limit=1000", handler.Requests[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Coinbase_should_read_the_real_candles_answer_whose_columns_start_with_low()
    {
        if (Sample("coinbase/exchange_rest_candles_BTC-USDT_1h.json") is not { } candles)
        {
            return;
        }

        var (client, handler) = Client("coinbase", Answer(200, candles));
        var bars = await client.CandlesAsync("BTC-USDT", Timeframe.Parse("1h"), 1_710_327_600_000, 1_710_331_200_000).ToListAsync();

        var bar = Assert.Single(bars);
        Assert.Equal(
            new Candle(new InstrumentId("coinbase", "BTC/USDT"), Timeframe.Parse("1h"), 1_710_327_600_000, Price.Parse("73243.33"), Price.Parse("73402.47"), Price.Parse("73241.5"), Price.Parse("73370.65"), 1.56794406, 0, CandleFlags.None),
            bar);
        Assert.Contains("/products/BTC-USDT/candles?granularity=3600&start=2024-03-13T11:00:00Z&end=2024-03-13T11:00:00Z", Assert.Single(handler.Requests), StringComparison.Ordinal);
    }

    private static (IRestHistoryClient Client, ScriptedHandler Handler) Client(string venue, params Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>[] steps)
    {
        var handler = new ScriptedHandler(steps);
        var transport = new RestTransport(new RestTransportOptions(venue, new Uri("https://api.test")) { Limiter = new TokenBucket(100, 100) }, handler);
        return (RestHistoryClients.Create(transport), handler);
    }

    private string? Sample(string relative)
    {
        if (SharedData.File("messages/" + relative) is { } path)
        {
            return File.ReadAllText(path);
        }

        output.WriteLine($"shared/data/messages/{relative} not found: nothing to check here.");
        return null;
    }
}
