using ActorArb.Simulator;
using static ActorArb.Actors.Tests.Simulator.SimulatorKit;

namespace ActorArb.Actors.Tests.Simulator;

public sealed class ExchangeSimulatorBinanceWireSpecs
{
    private const string Sample = "binance/ws_combined_trade_btcusdt_2024.json";

    [Fact]
    public async Task Binance_should_send_each_trade_raw_on_ws_paths_and_wrapped_on_combined_streams()
    {
        await using var sim = await StartPausedAsync(
            SimulatorFeed.FromTicks("binance", "BTC/USDT", Ticks("binance", "BTC/USDT", 3)),
            SimulatorFeed.FromTicks("binance", "ETH/USDT", Ticks("binance", "ETH/USDT", 3, firstId: 90, stepMs: 100)));
        await using var raw = await WireClient.ConnectAsync(new Uri(sim.WebSocketUri("binance") + "/ws/btcusdt@trade"));
        await using var combined = await WireClient.ConnectAsync(new Uri(sim.WebSocketUri("binance") + "/stream?streams=btcusdt@trade/ethusdt@trade"));
        await WaitForSessionsAsync(sim, 2);

        sim.Step(6);
        var rawMessages = await raw.TakeAsync(3);
        var combinedMessages = await combined.TakeAsync(6);

        Assert.Equal(
            """{"e":"trade","E":1700000000123,"s":"BTCUSDT","t":5000,"p":"100.25000000","q":"0.50000000","T":1700000000123,"m":false,"M":true}""",
            rawMessages[0]);
        if (SimulatorKit.Sample(Sample) is { } sample)
        {
            Assert.Equal(Shape(sample.GetProperty("data")), Shape(Parse(rawMessages[0])));
        }

        Assert.All(combinedMessages, message => AssertSameShape(Sample, message));
        Assert.Equal(
            ["btcusdt@trade", "ethusdt@trade", "ethusdt@trade", "ethusdt@trade", "btcusdt@trade", "btcusdt@trade"],
            combinedMessages.Select(m => Parse(m).GetProperty("stream").GetString()));
        Assert.Equal(rawMessages[1], Parse(combinedMessages[4]).GetProperty("data").GetRawText());
        Assert.True(Parse(rawMessages[1]).GetProperty("m").GetBoolean());
    }

    [Fact]
    public async Task Binance_should_answer_live_subscribe_and_list_requests_and_then_stream()
    {
        await using var sim = await StartPausedAsync(SimulatorFeed.FromTicks("binance", "BTC/USDT", Ticks("binance", "BTC/USDT", 2)));
        await using var client = await WireClient.ConnectAsync(new Uri(sim.WebSocketUri("binance") + "/ws"));

        await client.SendAsync("""{"method":"SUBSCRIBE","params":["btcusdt@trade","btcusdt@depth"],"id":1}""");
        var subscribed = await client.NextAsync();
        await client.SendAsync("""{"method":"LIST_SUBSCRIPTIONS","id":3}""");
        var listed = await client.NextAsync();
        sim.Step(1);
        var trade = await client.NextAsync();
        await client.SendAsync("not json");
        var error = await client.NextAsync();

        Assert.Equal("""{"result":null,"id":1}""", subscribed);
        Assert.Equal("""{"result":["btcusdt@trade","btcusdt@depth"],"id":3}""", listed);
        Assert.Equal(5000, Parse(trade).GetProperty("t").GetInt64());
        Assert.Equal(3, Parse(error).GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Binance_should_replay_the_recorded_tick_file_as_the_recorded_stream_message()
    {
        if (SharedData.File("ticks/binance/BTCUSDT-spot-trades-20240808T2354Z-20240809T0005Z.csv.gz") is not { } path
            || SimulatorKit.Sample(Sample) is not { } sample)
        {
            return;
        }

        await using var sim = await StartPausedAsync(SimulatorFeed.FromFile("binance", "BTC/USDT", path));
        await using var client = await WireClient.ConnectAsync(new Uri(sim.WebSocketUri("binance") + "/stream?streams=btcusdt@trade"));
        await WaitForSessionsAsync(sim, 1);

        sim.Step(1);
        var message = Parse(await client.NextAsync());

        // The recorded event time is the exchange's clock, a millisecond after the trade; the simulator's is the trade's.
        Assert.Equal(sample.GetProperty("stream").GetString(), message.GetProperty("stream").GetString());
        foreach (var field in sample.GetProperty("data").EnumerateObject().Where(f => f.Name != "E"))
        {
            Assert.Equal(field.Value.GetRawText(), message.GetProperty("data").GetProperty(field.Name).GetRawText());
        }
    }

    /// <summary>Binance sends nothing on connect, so a spec waits for the server to register the sessions before publishing.</summary>
    internal static async Task WaitForSessionsAsync(ExchangeSimulator sim, int count)
    {
        for (var i = 0; i < 500 && sim.OpenConnections < count; i++)
        {
            await Task.Delay(10);
        }

        Assert.Equal(count, sim.OpenConnections);
    }
}
