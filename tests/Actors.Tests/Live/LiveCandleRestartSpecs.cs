using System.Globalization;
using System.Text.Json.Nodes;
using ActorArb.Actors.Live;
using ActorArb.Actors.MarketData;
using ActorArb.Actors.Persistence;
using ActorArb.Actors.Persistence.Serialization;
using ActorArb.Actors.Runtime;
using ActorArb.Domain.Events;
using ActorArb.Domain.Market;
using ActorArb.Domain.Market.Aggregation;
using ActorArb.Domain.Risk;
using ActorArb.Domain.Strategies;
using ActorArb.Simulator;

namespace ActorArb.Actors.Tests.Live;

/// <summary>
/// A live run stopped in the middle of a minute and of an hour, then restarted on the same store: the candle
/// aggregator resumes from the checkpoint, so the minute and the hour in progress at the stop come out whole, exactly
/// as one uninterrupted aggregation of the same trades builds them.
/// </summary>
public sealed class LiveCandleRestartSpecs
{
    /// <summary>2023-03-05T08:00:00Z, an hour boundary.</summary>
    private const long Hour = 1_678_003_200_000;
    private const string RunId = "live-candles";
    private static readonly InstrumentId Usdc = new("kraken", "USDC/USD");
    private static readonly CandleAggregatorOptions Candles = new([Timeframe.Parse("1h")], 10_000, EmitFlatCandles: true, Price.Parse("0.0001"));

    [Fact]
    public async Task LiveGraph_should_complete_the_minute_and_hour_in_progress_when_restarted_after_a_stop()
    {
        // A trade every two seconds from 55 minutes past the hour to two minutes after the next; the stop comes after
        // the trade at 57:18, ten trades into minute 57.
        var ticks = Enumerable.Range(0, 210).Select(s => new TradeTick(Usdc, Hour + (55 * 60_000L) + (s * 2_000L), new Price((10_000 + ((s * 7) % 13) - 6) * 100_000L), 1 + (s % 4), s % 2 == 0 ? Side.Buy : Side.Sell, (1_000 + s).ToString(CultureInfo.InvariantCulture))).ToList();
        const int Cut = 70;
        await using var simulator = await ExchangeSimulator.StartAsync(new SimulatorOptions
        {
            Feeds = [SimulatorFeed.FromTicks("kraken", Usdc.Symbol, ticks)],
            StartPaused = true,
        });
        var store = new InMemoryEventStore(SystemClock.Instance);
        var plan = Plan(simulator);

        int missedFirst;
        await using (var graph = await LiveGraph.StartAsync(plan, store))
        {
            (var stepped, missedFirst, var replayed) = await WarmUpAsync(simulator, graph);
            Assert.Equal(0, replayed);
            simulator.Step(Cut - stepped);
            Assert.Equal(Cut - missedFirst, await LiveKit.RoutedAsync(graph, Cut - missedFirst));
            Assert.True(await graph.StopAsync() > 0);
        }

        var checkpoint = (await LiveKit.EventsAsync(store, LiveCheckpoint.StreamOf(RunId, Usdc))).OfType<LiveCheckpoint>().Last();
        Assert.InRange(missedFirst, 0, 59);
        var open = Assert.Single(checkpoint.Candles!.Minutes, m => m.OpenTimeMs == Hour + (57 * 60_000));
        Assert.Equal(10, open.TradeCount);
        Assert.Equal(Hour, Assert.Single(checkpoint.Candles.OpenRollups).OpenTimeMs);

        // What PostgreSQL would store survives its JSON form, and a checkpoint written before candles were carried
        // still reads, with no aggregator state.
        var json = EventSerializer.Default.Serialize(checkpoint);
        Assert.Equal(json, EventSerializer.Default.Serialize(EventSerializer.Default.Deserialize(nameof(LiveCheckpoint), json)));
        var old = JsonNode.Parse(json)!.AsObject();
        Assert.True(old.Remove("candles"));
        var legacy = (LiveCheckpoint)EventSerializer.Default.Deserialize(nameof(LiveCheckpoint), old.ToJsonString());
        Assert.Null(legacy.Candles);
        Assert.Equal(EventSerializer.Default.Serialize(checkpoint with { Candles = null }), EventSerializer.Default.Serialize(legacy));

        int missedAgain;
        await using (var graph = await LiveGraph.StartAsync(plan, store))
        {
            Assert.Equal(1, graph.Resumed);
            // The exchange replays its recent trades (minutes 56 and 57) on subscribe: they must not count twice.
            (var stepped, missedAgain, var replayed) = await WarmUpAsync(simulator, graph);
            Assert.True(replayed > 0, "the exchange should replay its recent trades on subscribe");
            simulator.Step(ticks.Count - Cut - stepped);
            var routed = replayed + ticks.Count - Cut - missedAgain;
            Assert.Equal(routed, await LiveKit.RoutedAsync(graph, routed));

            // What the feed delivered, aggregated in one go: the trades a subscription missed on connecting are absent from both.
            var delivered = ticks.Take(Cut).Skip(missedFirst).Concat(ticks.Skip(Cut + missedAgain)).ToList();
            var expected = Aggregate(delivered);
            var candles = (await LiveKit.WaitForAsync<CandleClosed>(store, CandleAggregatorActor.StreamOf(RunId, Usdc), expected.Count)).Select(e => e.Candle).ToList();
            Assert.Equal(expected, candles);
            Assert.Contains(expected, c => c.Timeframe == Timeframe.Parse("1h") && c.OpenTimeMs == Hour);
            var minute = Assert.Single(candles, c => c.Timeframe == Timeframe.OneMinute && c.OpenTimeMs == Hour + (57 * 60_000));
            Assert.InRange(missedAgain, 0, 19);
            Assert.Equal(30 - missedAgain, minute.TradeCount);
        }
    }

    private static List<Candle> Aggregate(List<TradeTick> ticks)
    {
        var aggregator = new CandleAggregator(Usdc, Candles);
        var closed = new List<Candle>();
        foreach (var tick in ticks)
        {
            aggregator.OnTick(tick, closed);
        }

        return closed;
    }

    private static LivePlan Plan(ExchangeSimulator simulator) => LiveKit.Plan(
        RunId,
        [LiveKit.EventTimeFeed(simulator, Usdc)],
        Candles,
        () => new PegThresholdStrategy("peg", Timeframe.OneMinute, new PegThresholdOptions(Price.Parse("0.9990"), Price.Parse("1.0010"))),
        RiskLimits.None);

    /// <summary>
    /// Waits for the feed to connect and for the exchange's replay of recent trades on subscribe to settle, then steps
    /// one trade at a time until the feed routes one; returns how many were stepped, how many of them were published
    /// before the subscription, and how many replayed trades were routed before them.
    /// </summary>
    private static async Task<(int Stepped, int Missed, long Replayed)> WarmUpAsync(ExchangeSimulator simulator, LiveGraph graph)
    {
        await LiveKit.ConnectedAsync(graph);

        long replayed;
        do
        {
            replayed = (await graph.MetricsAsync()).Single().Routed;
            await Task.Delay(500);
        }
        while ((await graph.MetricsAsync()).Single().Routed != replayed);

        var stepped = 0;
        while ((await graph.MetricsAsync()).Single().Routed == replayed && stepped < 50)
        {
            stepped += simulator.Step(1);
            await Task.Delay(200);
        }

        return (stepped, stepped - (int)((await graph.MetricsAsync()).Single().Routed - replayed), replayed);
    }
}
