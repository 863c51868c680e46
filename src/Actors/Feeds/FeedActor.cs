using ActorArb.Actors.Feeds.Exchanges;
using ActorArb.Actors.MarketData;
using ActorArb.Actors.Persistence;
using ActorArb.Actors.Runtime;
using ActorArb.Domain.Events;
using ActorArb.Domain.Market;
using ActorArb.Domain.Time;

namespace ActorArb.Actors.Feeds;

/// <summary>
/// One exchange connection: a <see cref="WebSockets.ReconnectingWebSocket"/> whose frames the exchange's adapter parses
/// on the socket's thread into a bounded stage (<see cref="FeedStage"/>, backpressure, nothing dropped), then, in this
/// actor, trades are deduplicated by trade id across reconnects, checked for trade-id gaps (each gap is a
/// <see cref="FeedGapDetected"/> event, refilled from the exchange's REST trades when a refill is given), and routed as
/// <see cref="MarketDataProtocol.TickBatch"/>es to each instrument's candle aggregator. Connection changes are
/// <see cref="FeedConnectionChanged"/> events; both kinds are journaled to <c>{scope}/feeds/{flavour}</c> and published.
/// Malformed or unexpected frames are counted and sampled, never fatal.
/// </summary>
public sealed partial class FeedActor : ReceiveActor
{
    private const int MaxSamples = 8;
    private readonly FeedOptions _options;
    private readonly IExchangeAdapter _adapter;
    private readonly IReadOnlyDictionary<InstrumentId, IActorRef> _routes;
    private readonly IActorRef _journal;
    private readonly ITradeRefill? _refill;
    private readonly IClock _clock;
    private readonly string _stream;
    private readonly TradeDeduplicator _dedupe = new();
    private readonly TradeGapTracker _gaps = new();
    private readonly Dictionary<InstrumentId, Lane> _lanes = [];
    private readonly List<string> _samples = [];
    private readonly CancellationTokenSource _stopping = new();
    private FeedStage? _stage;
    private bool _connected;
    private int _reconnects;
    private long _frames;
    private long _trades;
    private long _routed;
    private long _duplicates;
    private long _unrouted;
    private long _malformed;
    private long _ignored;
    private long _errors;
    private long _gapCount;
    private long _refilled;
    private long _refillFailures;
    private long _lastMessageAtMs;
    private long _lastLagMs;
    private long _maxLagMs;

    private FeedActor(FeedOptions options, IExchangeAdapter adapter, IReadOnlyDictionary<InstrumentId, IActorRef> routes, IActorRef journal, string streamScope, ITradeRefill? refill, IClock clock)
    {
        _options = options;
        _adapter = adapter;
        _routes = routes;
        _journal = journal;
        _refill = refill;
        _clock = clock;
        _stream = $"{streamScope}/feeds/{options.Flavour}";
        Receive<FeedProtocol.Parsed>(Handle);
        Receive<FeedProtocol.Connected>(m => Connection(true, $"{m.Info.Type} (attempt {m.Info.Attempt}, down {m.Info.Downtime.TotalSeconds:0.###} s)"));
        Receive<FeedProtocol.Disconnected>(m => Connection(false, $"{m.Info.Type}{(m.Info.Error is { } e ? ": " + e.Message : m.Info.Description is { Length: > 0 } d ? ": " + d : "")}"));
        Receive<FeedProtocol.Tick>(_ => OnTick());
        Receive<FeedProtocol.Refilled>(Handle);
        Receive<FeedProtocol.RefillFailed>(m =>
        {
            _refillFailures++;
            Sample($"refill of {m.Gap.Instrument} {m.Gap.AfterTradeId}..{m.Gap.BeforeTradeId} failed: {m.Reason}");
        });
        Receive<FeedProtocol.GetMetrics>(_ => Sender.Tell(Metrics(), Self));
    }

    /// <summary>
    /// Returns the props of a feed that routes each instrument's trades to <paramref name="routes"/>, journals its events
    /// under <paramref name="streamScope"/> and refills gaps with <paramref name="refill"/> when given.
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid or the flavour is unknown.</exception>
    public static Props Props(FeedOptions options, IReadOnlyDictionary<InstrumentId, IActorRef> routes, IActorRef journal, string streamScope, ITradeRefill? refill = null, IClock? clock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(journal);
        options.Validate();
        var adapter = ExchangeAdapters.Create(options.Flavour);
        return Runtime.Props.Create(() => new FeedActor(options, adapter, routes, journal, streamScope, refill, clock ?? SystemClock.Instance));
    }

    /// <inheritdoc/>
    protected override void PreStart()
    {
        _stage = FeedStage.Start(_options, _adapter, Self, _clock, _stopping.Token);
        Context.Timers.StartPeriodicTimer("tick", new FeedProtocol.Tick(), _options.TickInterval);
    }

    /// <inheritdoc/>
    protected override void PostStop()
    {
        _stopping.Cancel();
        _stage?.Dispose();
        _stopping.Dispose();
    }

    private void Handle(FeedProtocol.Parsed parsed)
    {
        foreach (var (message, arrivedMs) in parsed.Frames)
        {
            _frames++;
            _lastMessageAtMs = arrivedMs;
            switch (message)
            {
                case TradesReceived trades:
                    foreach (var trade in trades.Trades)
                    {
                        _trades++;
                        _lastLagMs = arrivedMs - trade.TimeMs;
                        _maxLagMs = Math.Max(_maxLagMs, _lastLagMs);
                        if (Accept(in trade, arrivedMs) && _gaps.Observe(in trade) is { } gap)
                        {
                            OnGap(gap);
                        }
                    }

                    break;
                case Malformed bad:
                    _malformed++;
                    Sample($"malformed: {bad.Reason}: {bad.Sample}");
                    break;
                case ExchangeError error:
                    _errors++;
                    Sample($"exchange error: {error.Message}");
                    break;
                default:
                    _ignored++;
                    break;
            }
        }

        Route();
    }

    private void Handle(FeedProtocol.Refilled refilled)
    {
        foreach (var trade in refilled.Trades)
        {
            if (Accept(in trade, _clock.NowMs))
            {
                _refilled++;
            }
        }

        Route();
    }

    /// <summary>Takes a trade unless it was seen before; returns whether it is new.</summary>
    private bool Accept(in TradeTick trade, long arrivedMs)
    {
        if (!_dedupe.IsNew(in trade))
        {
            _duplicates++;
            return false;
        }

        if (_lanes.TryGetValue(trade.Instrument, out var lane))
        {
            if (trade.TimeMs >= lane.TradeMs)
            {
                lane.TradeMs = trade.TimeMs;
                lane.ArrivedMs = arrivedMs;
            }
        }
        else if (_routes.TryGetValue(trade.Instrument, out var route))
        {
            // Lanes are created in first-routed-trade order; Route and OnTick walk them in that order.
            _lanes[trade.Instrument] = lane = new Lane(route, trade.TimeMs, arrivedMs);
        }
        else
        {
            _unrouted++;
            return false;
        }

        lane.Pending.Add(trade);
        return true;
    }

    private void Route()
    {
        foreach (var lane in _lanes.Values)
        {
            var trades = lane.Pending;
            if (trades.Count == 0)
            {
                continue;
            }

            _routed += trades.Count;
            lane.Route.Tell(new MarketDataProtocol.TickBatch([.. trades]), Self);
            trades.Clear();
        }
    }

    private void OnTick()
    {
        FlushGaps();
        var now = _clock.NowMs;
        var idle = (long)_options.IdleWatermarkDelay.TotalMilliseconds;
        foreach (var lane in _lanes.Values)
        {
            var quiet = now - lane.ArrivedMs;
            if (_connected && quiet > idle)
            {
                lane.Route.Tell(new MarketDataProtocol.Watermark(lane.TradeMs + quiet - idle), Self);
            }
        }
    }

    /// <summary>Reports every hole the tracker still holds open, waiting for late trades.</summary>
    private void FlushGaps()
    {
        foreach (var gap in _gaps.Flush())
        {
            OnGap(gap);
        }
    }

    private void OnGap(FeedGapDetected gap)
    {
        _gapCount++;
        Record(gap);
        if (_refill is null)
        {
            return;
        }

        var self = Self;
        _refill.RefillAsync(gap, _stopping.Token).ContinueWith(
            t => self.Tell(t.IsCompletedSuccessfully
                ? new FeedProtocol.Refilled(gap, t.Result)
                : new FeedProtocol.RefillFailed(gap, t.Exception?.GetBaseException().Message ?? "cancelled")),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void Connection(bool connected, string reason)
    {
        if (connected && !_connected && _reconnects++ > 0)
        {
            // Trades between the last one before the drop and the first after it show up as an id gap; flushing now
            // reports the holes of the old connection before the new one's trades arrive.
            FlushGaps();
        }

        _connected = connected;
        Record(new FeedConnectionChanged(_adapter.Exchange, _clock.NowMs, connected, reason));
    }

    private void Record(IDomainEvent e)
    {
        Context.System.EventStream.Publish(e);
        _journal.Tell(new JournalProtocol.Append(_stream, [e]), Self);
    }

    private void Sample(string text)
    {
        if (_samples.Count < MaxSamples)
        {
            _samples.Add(text.Length > 300 ? text[..300] : text);
        }
    }

    private FeedMetrics Metrics() => new(
        _options.Flavour, _connected, Math.Max(0, _reconnects - 1), _frames, _trades, _routed, _duplicates, _unrouted, _malformed, _ignored, _errors,
        _gapCount, _refilled, _refillFailures, 0, _lastMessageAtMs, _lastLagMs, _maxLagMs, [.. _samples]);

    /// <summary>One routed instrument's state, so a trade costs one dictionary lookup.</summary>
    private sealed class Lane(IActorRef route, long tradeMs, long arrivedMs)
    {
        /// <summary>Gets the instrument's candle aggregator.</summary>
        public IActorRef Route { get; } = route;

        /// <summary>Gets the accepted trades not yet routed.</summary>
        public List<TradeTick> Pending { get; } = [];

        /// <summary>Gets or sets the time of the latest trade seen, for the idle watermark.</summary>
        public long TradeMs { get; set; } = tradeMs;

        /// <summary>Gets or sets when that latest trade arrived.</summary>
        public long ArrivedMs { get; set; } = arrivedMs;
    }
}
