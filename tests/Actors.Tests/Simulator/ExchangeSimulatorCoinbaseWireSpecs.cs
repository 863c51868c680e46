using System.Text.RegularExpressions;
using ActorArb.Simulator;
using static ActorArb.Actors.Tests.Simulator.SimulatorKit;

namespace ActorArb.Actors.Tests.Simulator;

public sealed class ExchangeSimulatorCoinbaseWireSpecs
{
    [Fact]
    public async Task CoinbaseAdvanced_should_send_a_snapshot_then_the_subscriptions_ack_then_newest_first_updates_shaped_like_the_recording()
    {
        await using var sim = await StartPausedAsync(SimulatorFeed.FromTicks("coinbase", "BTC/USD", Ticks("coinbase", "BTC/USD", 130)));
        sim.Step(120);
        await using var client = await WireClient.ConnectAsync(sim.WebSocketUri("coinbase"));

        await client.SendAsync("""{"type":"subscribe","product_ids":["BTC-USD"],"channel":"market_trades"}""");
        var snapshot = await client.NextAsync();
        var ack = await client.NextAsync();
        sim.Step(3);
        var update = await client.NextAsync();

        AssertSameShape("coinbase/advanced_ws_market_trades_snapshot.json", snapshot);
        AssertShapeWithin("coinbase/advanced_ws_subscriptions.json", ack);
        AssertSameShape("coinbase/advanced_ws_market_trades_update.json", update);
        var snapshotTrades = Parse(snapshot).GetProperty("events")[0].GetProperty("trades").EnumerateArray().Select(t => t.GetProperty("trade_id").GetString()).ToList();
        Assert.Equal(Enumerable.Range(5020, 100).Reverse().Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), snapshotTrades);
        Assert.Equal("""{"subscriptions":{"market_trades":["BTC-USD"]}}""", Parse(ack).GetProperty("events")[0].GetRawText());
        Assert.Equal([0, 1, 2], new[] { snapshot, ack, update }.Select(m => Parse(m).GetProperty("sequence_num").GetInt32()));
        var trades = Parse(update).GetProperty("events")[0].GetProperty("trades");
        Assert.Equal("update", Parse(update).GetProperty("events")[0].GetProperty("type").GetString());
        Assert.Equal(["5122", "5121", "5120"], trades.EnumerateArray().Select(t => t.GetProperty("trade_id").GetString()));

        // Tick 120: 100.26, size 0.5, aggressor buy (so the maker sold), 30 s after the first tick.
        Assert.Equal(
            """{"product_id":"BTC-USD","trade_id":"5120","price":"100.26","size":"0.5","time":"2023-11-14T22:13:50.123Z","side":"SELL"}""",
            trades[2].GetRawText());
    }

    [Fact]
    public async Task CoinbaseAdvanced_should_tick_heartbeats_in_gos_time_format_once_subscribed()
    {
        await using var sim = await StartPausedAsync(SimulatorFeed.FromTicks("coinbase", "BTC/USD", Ticks("coinbase", "BTC/USD", 5)));
        sim.Step(5);
        await using var client = await WireClient.ConnectAsync(sim.WebSocketUri("coinbase"));

        await client.SendAsync("""{"type":"subscribe","channel":"heartbeats"}""");
        var ack = await client.NextContainingAsync("\"subscriptions\"");
        var heartbeat = await client.NextContainingAsync("\"heartbeats\",\"timestamp\"");

        Assert.Contains("\"heartbeats\":[\"heartbeats\"]", ack, StringComparison.Ordinal);
        AssertSameShape("coinbase/advanced_ws_heartbeats.json", heartbeat);
        var currentTime = Parse(heartbeat).GetProperty("events")[0].GetProperty("current_time").GetString()!;
        Assert.Matches(new Regex(@"^2023-11-14 22:13:21\.123 \+0000 UTC m=\+\d+\.\d{9}$"), currentTime);
    }

    [Fact]
    public async Task CoinbaseExchange_should_ack_send_the_last_match_then_matches_with_the_maker_side_and_per_product_heartbeats()
    {
        await using var sim = await StartPausedAsync(SimulatorFeed.FromTicks("coinbase", "BTC/USD", Ticks("coinbase", "BTC/USD", 10)));
        sim.Step(4);
        await using var client = await WireClient.ConnectAsync(sim.WebSocketUri("coinbase-exchange"));

        await client.SendAsync("""{"type":"subscribe","product_ids":["BTC-USD"],"channels":["matches",{"name":"heartbeat","product_ids":["BTC-USD"]}]}""");
        var ack = await client.NextAsync();
        var lastMatch = await client.NextAsync();
        sim.Step(2);
        var match = await client.NextContainingAsync("\"type\":\"match\"");
        var heartbeat = await client.NextContainingAsync("\"type\":\"heartbeat\"");

        AssertSameShape("coinbase/exchange_ws_subscriptions.json", ack);
        Assert.Equal("""[{"name":"matches","product_ids":["BTC-USD"]},{"name":"heartbeat","product_ids":["BTC-USD"]}]""", Parse(ack).GetProperty("channels").GetRawText());
        AssertSameShape("coinbase/exchange_ws_last_match.json", lastMatch);
        Assert.Equal(5003, Parse(lastMatch).GetProperty("trade_id").GetInt64());
        AssertSameShape("coinbase/exchange_ws_match.json", match);
        var first = Parse(match);
        Assert.Equal(5004, first.GetProperty("trade_id").GetInt64());
        Assert.Equal("sell", first.GetProperty("side").GetString());
        Assert.Equal("100.29", first.GetProperty("price").GetString());
        Assert.Equal("0.625", first.GetProperty("size").GetString());
        Assert.Equal("2023-11-14T22:13:21.123000Z", first.GetProperty("time").GetString());
        Assert.True(Guid.TryParse(first.GetProperty("maker_order_id").GetString(), out _));
        AssertSameShape("coinbase/exchange_ws_heartbeat_docs-example.json", heartbeat);
        Assert.Equal(5005, Parse(heartbeat).GetProperty("last_trade_id").GetInt64());
    }

    [Fact]
    public async Task Coinbase_should_answer_an_unknown_product_with_each_apis_error()
    {
        await using var sim = await StartPausedAsync(SimulatorFeed.FromTicks("coinbase", "BTC/USD", Ticks("coinbase", "BTC/USD", 1)));
        await using var advanced = await WireClient.ConnectAsync(sim.WebSocketUri("coinbase"));
        await using var exchange = await WireClient.ConnectAsync(sim.WebSocketUri("coinbase-exchange"));

        await advanced.SendAsync("""{"type":"subscribe","product_ids":["DOGE-EUR"],"channel":"market_trades"}""");
        await exchange.SendAsync("""{"type":"subscribe","product_ids":["DOGE-EUR"],"channels":["matches"]}""");

        Assert.Equal("error", Parse(await advanced.NextAsync()).GetProperty("type").GetString());
        var error = Parse(await exchange.NextAsync());
        Assert.Equal("error", error.GetProperty("type").GetString());
        Assert.Equal("DOGE-EUR is not a valid product", error.GetProperty("reason").GetString());
    }
}
