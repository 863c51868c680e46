using System.Globalization;
using System.Text.Json;
using ActorArb.Domain.Market;
using ActorArb.Simulator;
using static ActorArb.Actors.Tests.Simulator.SimulatorKit;

namespace ActorArb.Actors.Tests.Simulator;

public sealed class ExchangeSimulatorRestPagingSpecs
{
    private const int Count = 2_345;

    [Fact]
    public async Task CoinbaseTrades_should_page_back_with_after_and_forward_with_before_covering_every_trade_once()
    {
        var ticks = Ticks("coinbase", "USDC/USD", Count).Select((t, i) => t with { TradeId = Id(5000 + (3 * i)) }).ToList();
        await using var sim = await StartPausedAsync(SimulatorFeed.FromTicks("coinbase", "USDC/USD", ticks));
        sim.Step(Count);
        using var http = new HttpClient();
        var trades = sim.RestUri("coinbase") + "/products/USDC-USD/trades?limit=1000";

        var backwards = new List<long>();
        for (var url = trades; ;)
        {
            using var response = await http.GetAsync(url);
            var page = Parse(await response.Content.ReadAsStringAsync()).EnumerateArray().Select(t => t.GetProperty("trade_id").GetInt64()).ToList();
            if (page.Count == 0)
            {
                break;
            }

            Assert.Equal(page.OrderDescending(), page);
            Assert.Equal(Id(page[^1]), Header(response, "CB-AFTER"));
            Assert.Equal(Id(page[0]), Header(response, "CB-BEFORE"));
            backwards.AddRange(page);
            url = trades + "&after=" + Header(response, "CB-AFTER");
        }

        var forwards = new List<long>();
        for (var url = trades + "&before=0"; ;)
        {
            using var response = await http.GetAsync(url);
            var page = Parse(await response.Content.ReadAsStringAsync()).EnumerateArray().Select(t => t.GetProperty("trade_id").GetInt64()).ToList();
            if (page.Count == 0)
            {
                break;
            }

            forwards.AddRange(page);
            url = trades + "&before=" + Header(response, "CB-BEFORE");
        }

        var published = sim.Published("coinbase", "USDC/USD").Select(t => long.Parse(t.TradeId, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(ticks.Select(t => long.Parse(t.TradeId, CultureInfo.InvariantCulture)), published);
        Assert.Equal(published, backwards.Order());
        Assert.Equal(published, forwards.Order());
    }

    [Fact]
    public async Task KrakenTrades_should_page_with_the_last_cursor_covering_every_trade_once_when_many_share_a_millisecond()
    {
        // Seven trades per millisecond: a millisecond cursor would split or repeat them; Kraken's nanosecond one does not.
        var ticks = Ticks("kraken", "USDC/USD", Count).Select((t, i) => t with { TimeMs = StartMs + (i / 7) }).ToList();
        await using var sim = await StartPausedAsync(SimulatorFeed.FromTicks("kraken", "USDC/USD", ticks));
        sim.Step(Count);
        using var http = new HttpClient();
        var trades = sim.RestUri("kraken") + "/0/public/Trades?pair=USDCUSD";

        var ids = new List<long>();
        for (var since = "0"; ;)
        {
            var result = Parse(await http.GetStringAsync(trades + "&since=" + since));
            Assert.Empty(result.GetProperty("error").EnumerateArray());
            var rows = result.GetProperty("result").GetProperty("USDCUSD").EnumerateArray().ToList();
            if (rows.Count == 0)
            {
                break;
            }

            Assert.True(rows.Count <= 1000);
            ids.AddRange(rows.Select(r => r[6].GetInt64()));
            since = result.GetProperty("result").GetProperty("last").GetString()!;
        }

        var latest = Parse(await http.GetStringAsync(trades)).GetProperty("result").GetProperty("USDCUSD");
        var fromMillisecond = Parse(await http.GetStringAsync(trades + "&since=" + ((StartMs + 100) * 1_000_000)))
            .GetProperty("result").GetProperty("USDCUSD");

        Assert.Equal(Enumerable.Range(5000, Count).Select(i => (long)i), ids);
        Assert.Equal(Enumerable.Range(5000 + Count - 1000, 1000).Select(i => (long)i), latest.EnumerateArray().Select(r => r[6].GetInt64()));
        Assert.Equal(5700, fromMillisecond[0][6].GetInt64());
    }

    [Fact]
    public async Task BinanceHistoricalTrades_should_page_with_from_id_covering_every_trade_once_and_trades_should_serve_the_latest()
    {
        await using var sim = await StartPausedAsync(SimulatorFeed.FromTicks("binance", "USDC/USDT", Ticks("binance", "USDC/USDT", Count)));
        sim.Step(Count);
        using var http = new HttpClient();
        var api = sim.RestUri("binance") + "/api/v3/";

        var ids = new List<long>();
        for (var fromId = 5000L; ;)
        {
            var page = Parse(await http.GetStringAsync(api + $"historicalTrades?symbol=USDCUSDT&limit=1000&fromId={fromId}"))
                .EnumerateArray().Select(t => t.GetProperty("id").GetInt64()).ToList();
            if (page.Count == 0)
            {
                break;
            }

            ids.AddRange(page);
            fromId = page[^1] + 1;
        }

        var latest = Parse(await http.GetStringAsync(api + "trades?symbol=USDCUSDT")).EnumerateArray().ToList();
        using var unknown = await http.GetAsync(api + "trades?symbol=DOGEUSDT");

        Assert.Equal(Enumerable.Range(5000, Count).Select(i => (long)i), ids);
        Assert.Equal(Enumerable.Range(5000 + Count - 500, 500).Select(i => (long)i), latest.Select(t => t.GetProperty("id").GetInt64()));
        if (Sample("binance/rest_trades_BTCUSDT.json") is { } sample)
        {
            Assert.Equal(Shape(sample), Shape(JsonSerializer.SerializeToElement(latest)));
        }

        Assert.Equal(400, (int)unknown.StatusCode);
        Assert.Equal(-1121, Parse(await unknown.Content.ReadAsStringAsync()).GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task KrakenTrades_should_serve_the_recorded_rest_file_as_the_recorded_response()
    {
        if (SharedData.File("ticks/kraken/XBTUSDT-trades-rest-20251110.csv") is not { } path || Sample("kraken/rest_trades_XBTUSDT.json") is not { } sample)
        {
            return;
        }

        await using var sim = await StartPausedAsync(SimulatorFeed.FromFile("kraken", "BTC/USDT", path));
        sim.Step(int.MaxValue);
        using var http = new HttpClient();

        var served = Parse(await http.GetStringAsync(sim.RestUri("kraken") + "/0/public/Trades?pair=XBTUSDT&since=0"));

        Assert.Equal(Shape(sample), Shape(served));
        var expected = sample.GetProperty("result").GetProperty("XBTUSDT").EnumerateArray().ToList();
        var actual = served.GetProperty("result").GetProperty("XBTUSDT").EnumerateArray().ToList();
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            foreach (var field in (int[])[0, 1, 3, 6])
            {
                Assert.Equal(expected[i][field].GetRawText(), actual[i][field].GetRawText());
            }

            // The tick file keeps milliseconds; Kraken printed seconds to 10^-7.
            Assert.InRange(Math.Abs(expected[i][2].GetDecimal() - actual[i][2].GetDecimal()), 0m, 0.001m);
        }
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Header(HttpResponseMessage response, string name) => Assert.Single(response.Headers.GetValues(name));
}
