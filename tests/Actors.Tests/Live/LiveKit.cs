using ActorArb.Actors.Feeds;
using ActorArb.Actors.Feeds.WebSockets;
using ActorArb.Actors.Live;
using ActorArb.Actors.Persistence;
using ActorArb.Domain.Execution;
using ActorArb.Domain.Market;
using ActorArb.Domain.Market.Aggregation;
using ActorArb.Domain.Regimes;
using ActorArb.Domain.Risk;
using ActorArb.Domain.Strategies;
using ActorArb.Simulator;

namespace ActorArb.Actors.Tests.Live;

/// <summary>Plans on the simulator's WebSocket feeds, and the waits on a running graph and its store, shared by the live specs.</summary>
internal static class LiveKit
{
    /// <summary>Reconnects within 400 ms, so a feed the simulator drops is back before the specs' waits run out.</summary>
    private static readonly ReconnectingWebSocketOptions Socket = new() { InitialBackoff = TimeSpan.FromMilliseconds(50), MaxBackoff = TimeSpan.FromMilliseconds(400) };

    /// <summary>Returns the simulator's feed of <paramref name="instrument"/>'s exchange carrying that instrument alone, tick 0.0001.</summary>
    public static LiveFeed Feed(ExchangeSimulator simulator, InstrumentId instrument) =>
        new(new FeedOptions(instrument.Exchange, simulator.WebSocketUri(instrument.Exchange), [instrument.Symbol], Socket), [new Instrument(instrument, Price.Parse("0.0001"))], null);

    /// <summary>
    /// Returns <see cref="Feed"/> with no idle watermark for an hour: wall-clock pauses of a spec must not close
    /// event-time minutes.
    /// </summary>
    public static LiveFeed EventTimeFeed(ExchangeSimulator simulator, InstrumentId instrument)
    {
        var feed = Feed(simulator, instrument);
        return feed with { Options = feed.Options with { IdleWatermarkDelay = TimeSpan.FromHours(1) } };
    }

    /// <summary>
    /// Returns a plan of <paramref name="feeds"/> whose regime detector and strategy read 1m candles, paper-filling with
    /// 10 bps taker and 5 bps maker fees and 1 bps slippage from 10,000 of cash, halting a feed silent for 5 minutes.
    /// </summary>
    public static LivePlan Plan(string runId, IReadOnlyList<LiveFeed> feeds, CandleAggregatorOptions candles, Func<IStrategy> createStrategy, RiskLimits risk) =>
        new(runId, feeds, candles, new RegimeOptions(), Timeframe.OneMinute, createStrategy, Timeframe.OneMinute, risk, new FillModel(10, 5, 1), 10_000, TimeSpan.FromMinutes(5));

    /// <summary>Waits up to 30 s for <paramref name="feeds"/> of the graph's feeds to connect; returns whether they did.</summary>
    public static async Task<bool> ConnectedAsync(LiveGraph graph, int feeds = 1)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while ((await graph.MetricsAsync()).Count(m => m.Connected) < feeds && DateTime.UtcNow < until)
        {
            await Task.Delay(50);
        }

        return (await graph.MetricsAsync()).Count(m => m.Connected) >= feeds;
    }

    /// <summary>Waits up to 30 s for the graph's feeds to route <paramref name="trades"/> trades in all; returns how many they routed.</summary>
    public static async Task<long> RoutedAsync(LiveGraph graph, long trades)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while ((await graph.MetricsAsync()).Sum(m => m.Routed) < trades && DateTime.UtcNow < until)
        {
            await Task.Delay(10);
        }

        return (await graph.MetricsAsync()).Sum(m => m.Routed);
    }

    /// <summary>Waits up to 30 s for <paramref name="stream"/> to hold <paramref name="count"/> events of type <typeparamref name="T"/>; returns those it holds.</summary>
    public static async Task<List<T>> WaitForAsync<T>(IEventStore store, string stream, int count)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var events = (await EventsAsync(store, stream)).OfType<T>().ToList();
            if (events.Count >= count || DateTime.UtcNow > until)
            {
                return events;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Returns the payloads <paramref name="stream"/> holds, in order.</summary>
    public static async Task<List<object>> EventsAsync(IEventStore store, string stream) =>
        await store.ReadStreamAsync(stream).Select(e => e.Payload).ToListAsync();
}
