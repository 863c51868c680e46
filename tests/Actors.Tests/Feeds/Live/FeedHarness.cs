using ActorArb.Actors.Feeds;
using ActorArb.Actors.Feeds.WebSockets;
using ActorArb.Actors.MarketData;
using ActorArb.Actors.Persistence;
using ActorArb.Actors.Runtime;
using ActorArb.Actors.Runtime.Testing;
using ActorArb.Domain.Market;
using ActorArb.Domain.Market.Aggregation;
using ActorArb.Domain.Time;
using ActorArb.Simulator;

namespace ActorArb.Actors.Tests.Feeds.Live;

/// <summary>
/// A feed wired as in a live run — simulator → <see cref="FeedActor"/> → <see cref="CandleAggregatorActor"/> → a probe —
/// with the candles the same ticks make when aggregated directly, for comparison.
/// </summary>
internal sealed class FeedHarness : IAsyncDisposable
{
    public static readonly CandleAggregatorOptions Candles = new([Timeframe.Parse("1h")], AllowedLatenessMs: 3_600_000, EmitFlatCandles: false);

    private FeedHarness(ActorSystem system, IActorRef feed, IActorRef aggregator, TestProbe candles, InMemoryEventStore store)
    {
        System = system;
        Feed = feed;
        Aggregator = aggregator;
        CandlesProbe = candles;
        Store = store;
    }

    public ActorSystem System { get; }

    public IActorRef Feed { get; }

    public IActorRef Aggregator { get; }

    public TestProbe CandlesProbe { get; }

    public InMemoryEventStore Store { get; }

    public static FeedHarness Start(ExchangeSimulator simulator, string flavour, InstrumentId instrument, ITradeRefill? refill = null)
    {
        var system = ActorSystem.Create("feed-" + flavour);
        var store = new InMemoryEventStore(SystemClock.Instance);
        var journal = system.ActorOf(EventJournalActor.Props(store, system.Name), "journal");
        var probe = new TestProbe(system, "candles");
        var spec = new Instrument(instrument, Price.Parse("0.01"));
        var aggregator = system.ActorOf(CandleAggregatorActor.Props(spec, Timeframe.OneMinute, Candles, probe, journal, "live"), "aggregator");
        var options = new FeedOptions(flavour, simulator.WebSocketUri(flavour), [instrument.Symbol], new ReconnectingWebSocketOptions
        {
            InitialBackoff = TimeSpan.FromMilliseconds(50),
            MaxBackoff = TimeSpan.FromMilliseconds(400),
            StableConnectionTime = TimeSpan.FromMilliseconds(200),
        });
        var feed = system.ActorOf(FeedActor.Props(options, new Dictionary<InstrumentId, IActorRef> { [instrument] = aggregator }, journal, "live", refill), "feed");
        return new FeedHarness(system, feed, aggregator, probe, store);
    }

    /// <summary>Polls the feed's metrics until <paramref name="done"/> holds or the timeout passes; returns the last metrics.</summary>
    public async Task<FeedMetrics> WaitAsync(Func<FeedMetrics, bool> done, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            var metrics = await Feed.Ask<FeedMetrics>(new FeedProtocol.GetMetrics(), TimeSpan.FromSeconds(10));
            if (done(metrics) || DateTime.UtcNow > until)
            {
                return metrics;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Ends the stream at the aggregator and returns every closed candle it emitted, in order.</summary>
    public List<Candle> Finish()
    {
        Aggregator.Tell(new MarketDataProtocol.EndOfData(long.MaxValue));
        var candles = new List<Candle>();
        while (true)
        {
            var message = CandlesProbe.FishForMessage<object>(m => m is MarketDataProtocol.CandleBatch or MarketDataProtocol.EndOfData, TimeSpan.FromSeconds(30));
            if (message is MarketDataProtocol.CandleBatch batch)
            {
                candles.AddRange(batch.Candles);
                continue;
            }

            return candles;
        }
    }

    /// <summary>Returns the candles the aggregator makes from <paramref name="ticks"/> fed directly, in order.</summary>
    public static List<Candle> Direct(InstrumentId instrument, IEnumerable<TradeTick> ticks)
    {
        var aggregator = new CandleAggregator(instrument, Candles);
        var closed = new List<Candle>();
        foreach (var tick in ticks.OrderBy(t => t.TimeMs))
        {
            aggregator.OnTick(in tick, closed);
        }

        aggregator.Flush(closed);
        return closed;
    }

    public async ValueTask DisposeAsync() => await System.DisposeAsync();
}
