using System.Globalization;
using ActorArb.Actors.Arbitrage;
using ActorArb.Actors.Live;
using ActorArb.Actors.Persistence;
using ActorArb.Actors.Persistence.Serialization;
using ActorArb.Actors.Runtime;
using ActorArb.Actors.Tests.Live;
using ActorArb.Domain.Arbitrage;
using ActorArb.Domain.Events;
using ActorArb.Domain.Market;
using ActorArb.Domain.Market.Aggregation;
using ActorArb.Domain.Risk;
using ActorArb.Simulator;

namespace ActorArb.Actors.Tests.Arbitrage;

/// <summary>
/// The spread on live feeds: Kraken's v2 and Binance's trade streams from the simulator on loopback, one aggregator per
/// venue, the spread actor; it buys where the trades are cheaper and sells where they are dearer, journals each
/// arbitrage with its fills, checkpoints on stop, and a restarted graph resumes the same accounts.
/// </summary>
public sealed class LiveSpreadSpecs
{
    private const long T0 = 1_678_000_020_000;
    private static readonly InstrumentId Kraken = new("kraken", "USDC/USD");
    private static readonly InstrumentId Binance = new("binance", "USDC/USD");

    [Fact]
    public async Task Live_spread_should_buy_on_the_cheaper_venue_and_resume_its_accounts_after_a_restart()
    {
        // Ten minutes of one trade a second on each venue; in even minutes after the first Binance trades 50 bps below Kraken.
        await using var simulator = await ExchangeSimulator.StartAsync(new SimulatorOptions
        {
            Feeds = [SimulatorFeed.FromTicks("kraken", Kraken.Symbol, Ticks(Kraken, _ => 10_000)), SimulatorFeed.FromTicks("binance", Binance.Symbol, Ticks(Binance, m => m % 2 == 0 && m > 0 ? 9_950 : 10_000))],
            StartPaused = true,
        });
        var store = new InMemoryEventStore(SystemClock.Instance);
        var plan = Plan(simulator);
        var stream = SpreadArbitrageActor.StreamOf("live-spread", "arb");

        SpreadState first;
        await using (var graph = await LiveGraph.StartAsync(plan, store))
        {
            Assert.Equal(0, graph.Resumed);
            await LiveKit.ConnectedAsync(graph, 2);
            await Task.Delay(500);

            // Minute 0 (no spread) warms up: a trade of each venue at a time until both feeds deliver, so neither
            // subscription misses what follows. Then a minute of both venues at a time, as live markets move together
            // (at full speed one venue's feed could run minutes of event time ahead of the other's).
            var stepped = 0;
            while ((await graph.MetricsAsync()).Any(m => m.Routed == 0) && stepped < 118)
            {
                stepped += simulator.Step(2);
                await Task.Delay(100);
            }

            var missed = stepped - (await graph.MetricsAsync()).Sum(m => m.Routed);

            // Each venue's health watcher (every second) must have seen the venue speak, or the spread stays halted.
            await Task.Delay(2_500);
            for (var minute = 1; minute <= 10; minute++)
            {
                stepped += simulator.Step((minute * 120) - stepped);
                await LiveKit.RoutedAsync(graph, stepped - missed);
            }

            // Minutes 0..8 close (minute 9 has no later trade); 2, 4, 6 and 8 hold a 50 bps spread.
            var arbitrages = await LiveKit.WaitForAsync<ArbitrageExecuted>(store, stream, 4);
            Assert.All(arbitrages, a => Assert.Equal((Binance, Kraken), (a.BuyLeg, a.SellLeg)));
            Assert.Equal([2L, 4, 6, 8], arbitrages.Select(a => (a.TimeMs - T0 - 60_000) / 60_000));
            Assert.All(arbitrages, a => Assert.Equal(100, a.Quantity));
            Assert.True(await graph.StopAsync() > 0);
            Assert.Equal(1, graph.Checkpointed);
            first = Latest(await LiveKit.EventsAsync(store, SpreadCheckpoint.StreamOf("live-spread", "arb"))).Engine;
        }

        Assert.Equal(5_000 - (4 * 100 * 0.995 * 1.0001 * 1.001), first.Legs[1].Cash, 6);

        // What PostgreSQL would store: the checkpoint survives its JSON form exactly.
        var json = EventSerializer.Default.Serialize(new SpreadCheckpoint(1, "arb", first));
        var read = (SpreadCheckpoint)EventSerializer.Default.Deserialize(nameof(SpreadCheckpoint), json);
        Assert.Equal(json, EventSerializer.Default.Serialize(read));
        Assert.Equal(first.Legs.Select(l => (l.Instrument, l.Cash, l.Units, l.LastClose, l.LastCloseTimeMs, l.LastVolume, l.LastFlat)), read.Engine.Legs.Select(l => (l.Instrument, l.Cash, l.Units, l.LastClose, l.LastCloseTimeMs, l.LastVolume, l.LastFlat)));
        await using (var again = await LiveGraph.StartAsync(plan, store))
        {
            Assert.Equal(1, again.Resumed);
            await again.CheckpointAsync();
            var resumed = Latest(await LiveKit.EventsAsync(store, SpreadCheckpoint.StreamOf("live-spread", "arb"))).Engine;
            Assert.Equal(first.Legs.Select(l => (l.Cash, l.Units)), resumed.Legs.Select(l => (l.Cash, l.Units)));
            Assert.Equal(first.Counters, resumed.Counters);
        }
    }

    private static LivePlan Plan(ExchangeSimulator simulator) => LiveKit.Plan(
        "live-spread",
        [LiveKit.Feed(simulator, Kraken), LiveKit.Feed(simulator, Binance)],
        new CandleAggregatorOptions([Timeframe.Parse("1h")], 0, EmitFlatCandles: false, Price.Parse("0.0001")),
        () => throw new InvalidOperationException("a spread run has no single-instrument strategy"),
        RiskLimits.None) with
    {
        Spread = new SpreadOptions(
            "arb",
            Timeframe.OneMinute,
            [new SpreadLeg(Kraken, 10, 5_000, 5_000), new SpreadLeg(Binance, 10, 5_000, 5_000)],
            SlippageBufferBps: 2,
            MinEdgeBps: 1,
            MaxUnits: 100,
            MinUnits: 1,
            MaxQuoteAgeMs: 120_000,
            SlippageBps: 1,
            MaxParticipation: 0),
    };

    private static List<TradeTick> Ticks(InstrumentId id, Func<int, int> priceInMinute) =>
        [.. Enumerable.Range(0, 600).Select(s => new TradeTick(id, T0 + (s * 1_000L), new Price(priceInMinute(s / 60) * 100_000L), 10, s % 2 == 0 ? Side.Buy : Side.Sell, (1_000 + s).ToString(CultureInfo.InvariantCulture)))];

    private static SpreadCheckpoint Latest(List<object> events) => events.OfType<SpreadCheckpoint>().Last();
}
