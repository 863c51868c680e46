using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json;
using ActorArb.Simulator;
using static ActorArb.Actors.Tests.Simulator.SimulatorKit;

namespace ActorArb.Actors.Tests.Simulator;

public sealed class ExchangeSimulatorFaultSpecs
{
    private const int Trades = 2_000;

    private static readonly SimulatorFaults Noisy = new() { DuplicateFraction = 0.05, ReorderFraction = 0.05, CorruptFraction = 0.05 };

    [Fact]
    public async Task Faults_should_duplicate_reorder_and_corrupt_trade_messages_at_the_configured_rates()
    {
        var (messages, counters) = await ReceiveFaultyAsync(seed: 3, Noisy);

        var ids = messages.Select(TradeId).ToList();
        var identicalToPrevious = messages.Skip(1).Where((m, i) => m == messages[i]).Count();
        var lateArrivals = ids.Where((id, i) => id is { } late && ids.Take(i).Any(earlier => earlier > late)).Count();

        Assert.InRange(counters.DuplicatedMessages, 55, 145);
        Assert.InRange(counters.ReorderedMessages, 55, 145);
        Assert.InRange(counters.CorruptedMessages, 55, 145);
        Assert.Equal(Trades + counters.DuplicatedMessages, messages.Count);
        Assert.Equal(counters.DuplicatedMessages, identicalToPrevious);
        Assert.Equal(counters.CorruptedMessages, ids.Count(id => id is null) - messages.Skip(1).Where((m, i) => m == messages[i] && TradeId(m) is null).Count());
        Assert.Equal(Trades - counters.CorruptedMessages, ids.OfType<long>().Distinct().Count());
        Assert.InRange(lateArrivals, 1, counters.ReorderedMessages);
    }

    [Fact]
    public async Task Faults_should_make_the_same_choices_for_the_same_seed()
    {
        var first = await ReceiveFaultyAsync(seed: 11, Noisy);
        var again = await ReceiveFaultyAsync(seed: 11, Noisy);
        var other = await ReceiveFaultyAsync(seed: 12, Noisy);

        Assert.Equal(first.Messages, again.Messages);
        Assert.NotEqual(first.Messages, other.Messages);
    }

    [Fact]
    public async Task InjectMalformed_should_add_messages_spread_or_in_a_burst_without_losing_a_valid_trade_and_WhenSent_should_wait_for_them()
    {
        var faults = new SimulatorFaults { MalformedPerConnection = 50 };
        await using var sim = await ExchangeSimulator.StartAsync(new SimulatorOptions
        {
            Feeds = [SimulatorFeed.FromTicks("binance", "BTC/USDT", Ticks("binance", "BTC/USDT", 100))],
            StartPaused = true,
            Faults = faults,
        });
        await using var client = await WireClient.ConnectAsync(new Uri(sim.WebSocketUri("binance") + "/ws/btcusdt@trade"));
        await ExchangeSimulatorBinanceWireSpecs.WaitForSessionsAsync(sim, 1);

        sim.InjectMalformed(3_000, spread: false);
        sim.Step(100);
        await sim.WhenSentAsync().WaitAsync(TimeSpan.FromSeconds(10));
        var sent = sim.Counters;
        var messages = await client.TakeAsync(3_150);

        Assert.Equal(3_150, sent.MessagesSent);
        Assert.Equal(3_050, sent.MalformedMessages);
        Assert.All(messages.Take(3_000), m => Assert.Null(TradeId(m)));
        Assert.Equal(Enumerable.Range(5000, 100).Select(i => (long?)i), messages.Select(TradeId).Where(id => id is not null));
        Assert.Null(await client.NextAsync(TimeSpan.FromMilliseconds(200)));
    }

    [Fact]
    public async Task DropConnections_should_abort_without_a_close_frame_on_command_and_every_period()
    {
        await using var sim = await StartPausedAsync(SimulatorFeed.FromTicks("kraken", "BTC/USD", Ticks("kraken", "BTC/USD", 1)));
        await using var commanded = await WireClient.ConnectAsync(sim.WebSocketUri("kraken"));
        await commanded.NextAsync();

        var dropped = sim.DropConnections();
        Assert.True(await commanded.EndedWithinAsync(TimeSpan.FromSeconds(5)));

        sim.Faults = sim.Faults with { DropEvery = TimeSpan.FromMilliseconds(300) };
        await using var periodic = await WireClient.ConnectAsync(sim.WebSocketUri("kraken"));
        var status = await periodic.NextAsync();
        Assert.True(await periodic.EndedWithinAsync(TimeSpan.FromSeconds(5)));

        Assert.Equal(1, dropped);
        Assert.IsType<WebSocketException>(commanded.Failure);
        Assert.Null(commanded.CloseStatus);
        Assert.Contains("\"status\"", status, StringComparison.Ordinal);
        Assert.IsType<WebSocketException>(periodic.Failure);
        Assert.InRange(sim.Counters.ConnectionsDropped, 2, 100);
    }

    [Fact]
    public async Task Stall_should_stop_sending_for_the_duration_without_closing()
    {
        await using var sim = await StartPausedAsync(SimulatorFeed.FromTicks("kraken", "BTC/USD", Ticks("kraken", "BTC/USD", 1)));
        await using var client = await WireClient.ConnectAsync(sim.WebSocketUri("kraken-v1"));
        await client.NextAsync();
        await client.SendAsync("""{"event":"subscribe","pair":["XBT/USD"],"subscription":{"name":"trade"}}""");
        await client.NextContainingAsync("heartbeat");

        sim.Stall(TimeSpan.FromMilliseconds(800));
        var clock = Stopwatch.StartNew();
        var gap = TimeSpan.Zero;
        var previous = TimeSpan.Zero;
        while (clock.Elapsed < TimeSpan.FromMilliseconds(1500))
        {
            Assert.NotNull(await client.NextAsync(TimeSpan.FromSeconds(2)));
            gap = TimeSpan.FromTicks(Math.Max(gap.Ticks, (clock.Elapsed - previous).Ticks));
            previous = clock.Elapsed;
        }

        Assert.InRange(gap, TimeSpan.FromMilliseconds(650), TimeSpan.FromSeconds(2));
        Assert.Equal(1, sim.Counters.Stalls);
        Assert.Equal(1, sim.OpenConnections);
    }

    [Fact]
    public async Task A_connection_whose_queue_overflows_should_be_dropped_as_a_slow_consumer()
    {
        await using var sim = await ExchangeSimulator.StartAsync(new SimulatorOptions
        {
            Feeds = [SimulatorFeed.FromTicks("kraken", "BTC/USD", Ticks("kraken", "BTC/USD", 100))],
            StartPaused = true,
            ConnectionQueueCapacity = 16,
        });
        await using var client = await WireClient.ConnectAsync(sim.WebSocketUri("kraken"));
        await client.NextAsync();
        await client.SendAsync("""{"method":"subscribe","params":{"channel":"trade","symbol":["BTC/USD"],"snapshot":false}}""");
        await client.NextAsync();

        // A stalled sender stops draining its queue; every Step is one more batch in it.
        sim.Stall(TimeSpan.FromSeconds(3));
        for (var i = 0; i < 40; i++)
        {
            sim.Step(1);
        }

        Assert.True(await client.EndedWithinAsync(TimeSpan.FromSeconds(2)));
        Assert.Equal(1, sim.Counters.SlowConsumersDropped);
        Assert.Equal(0, sim.Counters.ConnectionsDropped);
    }

    /// <summary>Publishes <see cref="Trades"/> trades to one raw Binance stream under the faults and returns every message received.</summary>
    private static async Task<(List<string> Messages, SimulatorCounters Counters)> ReceiveFaultyAsync(int seed, SimulatorFaults faults)
    {
        await using var sim = await ExchangeSimulator.StartAsync(new SimulatorOptions
        {
            Feeds = [SimulatorFeed.FromTicks("binance", "BTC/USDT", Ticks("binance", "BTC/USDT", Trades))],
            StartPaused = true,
            Seed = seed,
            Faults = faults,
        });
        await using var client = await WireClient.ConnectAsync(new Uri(sim.WebSocketUri("binance") + "/ws/btcusdt@trade"));
        await ExchangeSimulatorBinanceWireSpecs.WaitForSessionsAsync(sim, 1);

        sim.Step(Trades);
        var messages = new List<string>();
        while (await client.NextAsync(TimeSpan.FromMilliseconds(600)) is { } message)
        {
            messages.Add(message);
        }

        return (messages, sim.Counters);
    }

    /// <summary>Returns a trade message's id, or null for anything else (corrupted, garbage, unknown type).</summary>
    private static long? TradeId(string message)
    {
        try
        {
            using var document = JsonDocument.Parse(message);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("t", out var id) ? id.GetInt64() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
