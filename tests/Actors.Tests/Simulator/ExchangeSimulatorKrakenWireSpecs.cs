using System.Globalization;
using ActorArb.Simulator;
using static ActorArb.Actors.Tests.Simulator.SimulatorKit;

namespace ActorArb.Actors.Tests.Simulator;

public sealed class ExchangeSimulatorKrakenWireSpecs
{
    [Fact]
    public async Task KrakenV2_should_greet_with_status_ack_the_subscription_then_send_a_snapshot_and_updates_oldest_first()
    {
        await using var sim = await StartPausedAsync(SimulatorFeed.FromTicks("kraken", "BTC/USD", Ticks("kraken", "BTC/USD", 70)));
        sim.Step(60);
        await using var client = await WireClient.ConnectAsync(sim.WebSocketUri("kraken"));

        var status = await client.NextAsync();
        await client.SendAsync("""{"method":"subscribe","params":{"channel":"trade","symbol":["BTC/USD"],"snapshot":true},"req_id":7}""");
        var ack = await client.NextAsync();
        var snapshot = await client.NextAsync();
        sim.Step(2);
        var update = await client.NextContainingAsync("\"type\":\"update\"");
        var heartbeat = await client.NextContainingAsync("heartbeat");
        await client.SendAsync("""{"method":"ping","req_id":9}""");
        var pong = await client.NextContainingAsync("pong");

        AssertSameShape("kraken/ws_v2_status_docs-example.json", status);
        var connectionId = Parse(status).GetProperty("data")[0].GetProperty("connection_id").GetRawText();
        Assert.True(ulong.Parse(connectionId, CultureInfo.InvariantCulture) > long.MaxValue);
        Assert.Equal("subscribe", Parse(ack).GetProperty("method").GetString());
        Assert.Equal(7, Parse(ack).GetProperty("req_id").GetInt32());
        Assert.Equal("""{"channel":"trade","snapshot":true,"symbol":"BTC/USD"}""", Parse(ack).GetProperty("result").GetRawText());
        Assert.True(Parse(ack).GetProperty("success").GetBoolean());
        AssertSameShape("kraken/ws_v2_trade_snapshot_docs-example.json", snapshot);
        Assert.Equal(Enumerable.Range(5010, 50).Select(i => (long)i), Parse(snapshot).GetProperty("data").EnumerateArray().Select(t => t.GetProperty("trade_id").GetInt64()));
        AssertSameShape("kraken/ws_v2_trade_snapshot_docs-example.json", update);
        Assert.Equal(
            """{"symbol":"BTC/USD","side":"buy","price":100.29,"qty":0.5,"ord_type":"market","trade_id":5060,"timestamp":"2023-11-14T22:13:35.123000Z"}""",
            Parse(update).GetProperty("data")[0].GetRawText());
        AssertSameShape("kraken/ws_v2_heartbeat_docs-example.json", heartbeat);
        Assert.Equal(9, Parse(pong).GetProperty("req_id").GetInt32());
    }

    [Fact]
    public async Task KrakenV1_should_send_system_status_then_subscription_status_then_trade_arrays_under_the_clients_pair_name()
    {
        await using var sim = await StartPausedAsync(SimulatorFeed.FromTicks("kraken", "BTC/USD", Ticks("kraken", "BTC/USD", 5)));
        await using var client = await WireClient.ConnectAsync(sim.WebSocketUri("kraken-v1"));

        var systemStatus = await client.NextAsync();
        await client.SendAsync("""{"event":"subscribe","pair":["XBT/USD"],"subscription":{"name":"trade"}}""");
        var subscriptionStatus = await client.NextAsync();
        sim.Step(2);
        var trades = await client.NextContainingAsync("\"trade\",\"XBT/USD\"");
        var heartbeat = await client.NextContainingAsync("heartbeat");

        AssertSameShape("kraken/ws_v1_systemStatus.json", systemStatus);
        AssertSameShape("kraken/ws_v1_subscriptionStatus.json", subscriptionStatus);
        Assert.Equal("XBT/USD", Parse(subscriptionStatus).GetProperty("pair").GetString());
        Assert.Equal("subscribed", Parse(subscriptionStatus).GetProperty("status").GetString());
        AssertSameShape("kraken/ws_v1_trade.json", trades);
        var channelId = Parse(subscriptionStatus).GetProperty("channelID").GetInt32();
        Assert.Equal(
            $"""[{channelId},[["100.25000","0.50000000","1700000000.123000","b","m",""],["100.26000","0.62500000","1700000000.373000","s","m",""]],"trade","XBT/USD"]""",
            trades);
        AssertSameShape("kraken/ws_v1_heartbeat.json", heartbeat);
    }

    [Fact]
    public async Task Kraken_should_refuse_an_unknown_pair_in_each_versions_way()
    {
        await using var sim = await StartPausedAsync(SimulatorFeed.FromTicks("kraken", "BTC/USD", Ticks("kraken", "BTC/USD", 1)));
        await using var v2 = await WireClient.ConnectAsync(sim.WebSocketUri("kraken"));
        await using var v1 = await WireClient.ConnectAsync(sim.WebSocketUri("kraken-v1"));
        await v2.NextAsync();
        await v1.NextAsync();

        await v2.SendAsync("""{"method":"subscribe","params":{"channel":"trade","symbol":["DOGE/EUR"]}}""");
        await v1.SendAsync("""{"event":"subscribe","pair":["XDG/EUR"],"subscription":{"name":"trade"}}""");

        var refusal = Parse(await v2.NextAsync());
        Assert.False(refusal.GetProperty("success").GetBoolean());
        Assert.Equal("DOGE/EUR", refusal.GetProperty("symbol").GetString());
        var status = Parse(await v1.NextAsync());
        Assert.Equal("error", status.GetProperty("status").GetString());
        Assert.Equal("XDG/EUR", status.GetProperty("pair").GetString());
    }
}
