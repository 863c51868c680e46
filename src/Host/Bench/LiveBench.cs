using System.Diagnostics;
using System.Globalization;
using ActorArb.Actors.Feeds;
using ActorArb.Actors.Feeds.WebSockets;
using ActorArb.Actors.MarketData;
using ActorArb.Actors.Persistence;
using ActorArb.Actors.Runtime;
using ActorArb.Domain.Market;
using ActorArb.Domain.Market.Aggregation;
using ActorArb.Host.Commands;
using ActorArb.Simulator;

namespace ActorArb.Host.Bench;

/// <summary>
/// <c>bench live</c>: the live path end to end — the exchange simulator on loopback publishing as fast as it can, one
/// feed (WebSocket, parse, dedupe, gap check), the candle aggregator and the journal persisting every
/// CandleClosed in memory — in ticks per second until the last candle is stored, next to the aggregator
/// alone over the same ticks measured in the same run.
/// </summary>
internal static class LiveBench
{
    public static async Task<int> RunAsync(CommandLine line)
    {
        var count = (int)(line.GetLong("ticks") ?? 200_000);
        var flavour = line.Get("flavour") ?? "kraken";
        line.EnsureAllRead("bench live");
        var venue = SimulatorFlavours.VenueOf(flavour) ?? throw new UsageException($"bench live: unknown --flavour \"{flavour}\"");
        var instrument = new InstrumentId(venue, "USDC/USD");
        var ticks = Ticks(instrument, count);
        var options = new CandleAggregatorOptions([Timeframe.Parse("1h")], EmitFlatCandles: false, TickSize: Price.Parse("0.0001"));

        var baseline = Stopwatch.StartNew();
        var direct = new CandleAggregator(instrument, options);
        var closed = new List<Candle>();
        foreach (var tick in ticks)
        {
            direct.OnTick(in tick, closed);
        }

        baseline.Stop();

        await using var simulator = await ExchangeSimulator.StartAsync(new SimulatorOptions
        {
            Feeds = [SimulatorFeed.FromTicks(venue, instrument.Symbol, ticks)],
            StartPaused = true,
        }).ConfigureAwait(false);
        var system = ActorSystem.Create("bench-live");
        await using (system.ConfigureAwait(false))
        {
            var store = new InMemoryEventStore(SystemClock.Instance);
            var journal = system.ActorOf(EventJournalActor.Props(store, system.Name), "journal");
            var sink = system.ActorOf(Props.Create(() => new Sink()), "sink");
            var aggregator = system.ActorOf(CandleAggregatorActor.Props(new Instrument(instrument, Price.Parse("0.0001")), Timeframe.OneMinute, options, sink, journal, "bench"), "candles");
            var feed = system.ActorOf(FeedActor.Props(
                new FeedOptions(flavour, simulator.WebSocketUri(flavour), [instrument.Symbol], new ReconnectingWebSocketOptions()),
                new Dictionary<InstrumentId, IActorRef> { [instrument] = aggregator },
                journal,
                "bench"), "feed");
            while (!(await feed.Ask<FeedMetrics>(new FeedProtocol.GetMetrics(), TimeSpan.FromSeconds(10)).ConfigureAwait(false)).Connected)
            {
                await Task.Delay(20).ConfigureAwait(false);
            }

            await Task.Delay(300).ConfigureAwait(false);
            var clock = Stopwatch.StartNew();
            simulator.Resume();
            var stream = $"bench/candles/{instrument}";
            long stored;
            FeedMetrics metrics;
            do
            {
                await Task.Delay(10).ConfigureAwait(false);
                stored = await store.GetStreamVersionAsync(stream).ConfigureAwait(false);
                metrics = await feed.Ask<FeedMetrics>(new FeedProtocol.GetMetrics(), TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            }
            while ((stored < closed.Count || metrics.Routed < count) && clock.Elapsed < TimeSpan.FromMinutes(5));

            clock.Stop();
            var c = CultureInfo.InvariantCulture;
            Console.Out.WriteLine(string.Create(c, $"bench live: {count:N0} ticks over {flavour} on loopback, {Environment.ProcessorCount} cores"));
            Console.Out.WriteLine(string.Create(c, $"  aggregator alone:                       {count / baseline.Elapsed.TotalSeconds,14:N0} ticks/s"));
            Console.Out.WriteLine(string.Create(c, $"  simulator → feed → candles → journal:   {count / clock.Elapsed.TotalSeconds,14:N0} ticks/s ({clock.Elapsed.TotalSeconds:0.000} s, {stored:N0} candles stored)"));
            Console.Out.WriteLine(string.Create(c, $"  feed: {metrics.Routed:N0} routed, {metrics.Duplicates} duplicates, {metrics.Gaps} gaps, {metrics.Dropped} dropped, {metrics.Frames:N0} frames"));
            return metrics.Routed == count ? 0 : 1;
        }
    }

    private static List<TradeTick> Ticks(InstrumentId instrument, int count)
    {
        var random = new Random(11);
        var price = 10_000;
        var ticks = new List<TradeTick>(count);
        for (var i = 0; i < count; i++)
        {
            price = Math.Clamp(price + random.Next(-2, 3), 9_950, 10_050);
            ticks.Add(new TradeTick(instrument, 1_700_000_000_000 + (i * 250L), new Price(price * 100_000L), 10, i % 2 == 0 ? Side.Buy : Side.Sell, (1_000_000 + i).ToString(CultureInfo.InvariantCulture)));
        }

        return ticks;
    }

    /// <summary>Takes the aggregator's output; the regime and strategy stages are beyond this benchmark.</summary>
    private sealed class Sink : ReceiveActor
    {
        public Sink() => ReceiveAny(_ => { });
    }
}
