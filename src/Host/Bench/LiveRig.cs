using System.Diagnostics;
using ActorArb.Actors.Feeds;
using ActorArb.Actors.Feeds.Rest;
using ActorArb.Actors.Feeds.WebSockets;
using ActorArb.Actors.Live;
using ActorArb.Actors.MarketData;
using ActorArb.Actors.Persistence;
using ActorArb.Actors.Runtime;
using ActorArb.Domain.Events;
using ActorArb.Domain.Market;
using ActorArb.Domain.Market.Aggregation;
using ActorArb.Simulator;

namespace ActorArb.Host.Bench;

/// <summary>
/// The live path of one <c>bench live</c> pass, wired as a live run wires it: the exchange simulator on loopback
/// playing the source ticks as one flavour's market (every written trade frame timed), a <see cref="FeedActor"/> with
/// REST gap refill, the instrument's <see cref="CandleAggregatorActor"/>, and the journal writing to the run's store
/// through a <see cref="CandleAckStore"/>.
/// </summary>
internal sealed class LiveRig : IAsyncDisposable
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(30);

    private readonly ActorSystem _system;
    private readonly RestTransport _transport;
    private readonly IActorRef _feed;
    private readonly IActorRef _aggregator;
    private readonly IActorRef _journal;
    private readonly TaskCompletionSource _ended;

    private LiveRig(ExchangeSimulator simulator, TradeDepartures departures, CandleAckStore store, RestTransport transport, ActorSystem system, IActorRef feed, IActorRef aggregator, IActorRef journal, TaskCompletionSource ended, string stream)
    {
        Simulator = simulator;
        Departures = departures;
        Store = store;
        _transport = transport;
        _system = system;
        _feed = feed;
        _aggregator = aggregator;
        _journal = journal;
        _ended = ended;
        CandleStream = stream;
    }

    /// <summary>Gets the simulated exchange.</summary>
    public ExchangeSimulator Simulator { get; }

    /// <summary>Gets when each source trade left the simulator.</summary>
    public TradeDepartures Departures { get; }

    /// <summary>Gets the store as the journal sees it, with the acknowledgement time of every 1m candle.</summary>
    public CandleAckStore Store { get; }

    /// <summary>Gets the stream the candles are persisted to.</summary>
    public string CandleStream { get; }

    /// <summary>
    /// Starts the simulator paused with <paramref name="ticks"/> (all of one instrument) at <paramref name="rate"/>
    /// ticks/s (null: as fast as the connection reads), then the actors, writing under <paramref name="scope"/>.
    /// </summary>
    public static async Task<LiveRig> StartAsync(
        string flavour,
        IReadOnlyList<TradeTick> ticks,
        double? rate,
        TimeSpan? dropEvery,
        CandleAggregatorOptions candles,
        ReconnectingWebSocketOptions socket,
        IEventStore store,
        string scope)
    {
        var instrument = ticks[0].Instrument;
        var departures = new TradeDepartures(ticks.Count);
        var simulator = await ExchangeSimulator.StartAsync(new SimulatorOptions
        {
            Feeds = [SimulatorFeed.FromTicks(instrument.Exchange, instrument.Symbol, ticks)],
            StartPaused = true,
            TicksPerSecond = rate,
            Faults = new SimulatorFaults { DropEvery = dropEvery },
            OnTradeFrameWritten = departures.OnWritten,
        }).ConfigureAwait(false);
        var transport = new RestTransport(new RestTransportOptions(instrument.Exchange, simulator.RestUri(instrument.Exchange)));
        var system = ActorSystem.Create("bench-live");
        try
        {
            var acks = new CandleAckStore(store);
            var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var journal = system.ActorOf(EventJournalActor.Props(acks, system.Name), "journal");
            var sink = system.ActorOf(Props.Create(() => new EndSink(ended)), "sink");
            var aggregator = system.ActorOf(CandleAggregatorActor.Props(new Instrument(instrument, LiveSource.TickSize), Timeframe.OneMinute, candles, sink, journal, scope), "candles");
            var feed = system.ActorOf(
                FeedActor.Props(
                    new FeedOptions(flavour, simulator.WebSocketUri(flavour), [instrument.Symbol], socket),
                    new Dictionary<InstrumentId, IActorRef> { [instrument] = aggregator },
                    journal,
                    scope,
                    new RestTradeRefill(RestHistoryClients.Create(transport))),
                "feed");
            return new LiveRig(simulator, departures, acks, transport, system, feed, aggregator, journal, ended, CandleAggregatorActor.StreamOf(scope, instrument));
        }
        catch
        {
            await system.DisposeAsync().ConfigureAwait(false);
            transport.Dispose();
            await simulator.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Returns the feed's counters now.</summary>
    public Task<FeedMetrics> MetricsAsync() => _feed.Ask<FeedMetrics>(new FeedProtocol.GetMetrics(), AskTimeout);

    /// <summary>Waits until the feed is connected and has had time to subscribe, so the first published trade reaches it.</summary>
    /// <exception cref="TimeoutException">The feed did not connect within <paramref name="timeout"/>.</exception>
    public async Task WaitConnectedAsync(TimeSpan timeout)
    {
        var started = Stopwatch.GetTimestamp();
        while (!(await MetricsAsync().ConfigureAwait(false)).Connected)
        {
            if (Stopwatch.GetElapsedTime(started) > timeout)
            {
                throw new TimeoutException($"bench live: the feed did not connect to the simulator within {timeout.TotalSeconds:0} s");
            }

            await Task.Delay(20).ConfigureAwait(false);
        }

        await Task.Delay(300).ConfigureAwait(false);
    }

    /// <summary>
    /// Polls the feed until <paramref name="done"/> holds or nothing has moved (trades routed, candles acknowledged)
    /// for <paramref name="stall"/>; returns the last metrics.
    /// </summary>
    public async Task<FeedMetrics> WaitAsync(Func<FeedMetrics, bool> done, TimeSpan stall)
    {
        var progress = (Routed: -1L, Candles: -1L);
        var lastMove = Stopwatch.GetTimestamp();
        while (true)
        {
            var metrics = await MetricsAsync().ConfigureAwait(false);
            if (done(metrics))
            {
                return metrics;
            }

            var now = (metrics.Routed, Store.CandlesAcked);
            if (now != progress)
            {
                (progress, lastMove) = (now, Stopwatch.GetTimestamp());
            }
            else if (Stopwatch.GetElapsedTime(lastMove) > stall)
            {
                return metrics;
            }

            await Task.Delay(5).ConfigureAwait(false);
        }
    }

    /// <summary>Returns the candles persisted so far, once the journal has written everything handed to it.</summary>
    public async Task<List<Candle>> StoredCandlesAsync()
    {
        await _journal.Ask<JournalProtocol.Flushed>(new JournalProtocol.Flush(), AskTimeout).ConfigureAwait(false);
        var candles = new List<Candle>();
        await foreach (var e in Store.ReadStreamAsync(CandleStream).ConfigureAwait(false))
        {
            if (e.Payload is CandleClosed closed)
            {
                candles.Add(closed.Candle);
            }
        }

        return candles;
    }

    /// <summary>Ends the stream at the aggregator (its open bars close as at the end of a replay) and returns every persisted candle.</summary>
    public async Task<List<Candle>> FinishAsync()
    {
        _aggregator.Tell(new MarketDataProtocol.EndOfData(long.MaxValue));
        await _ended.Task.WaitAsync(AskTimeout).ConfigureAwait(false);
        return await StoredCandlesAsync().ConfigureAwait(false);
    }

    /// <summary>Stops the actors, the REST client and the simulator.</summary>
    public async ValueTask DisposeAsync()
    {
        await _system.DisposeAsync().ConfigureAwait(false);
        _transport.Dispose();
        await Simulator.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Takes the aggregator's output (the regime and strategy stages are beyond this benchmark) and says when the stream has ended.</summary>
    private sealed class EndSink : ReceiveActor
    {
        public EndSink(TaskCompletionSource ended)
        {
            Receive<MarketDataProtocol.EndOfData>(_ => ended.TrySetResult());
            ReceiveAny(_ => { });
        }
    }
}
