using System.Collections.Immutable;
using System.Runtime.InteropServices;
using ActorArb.Actors.Persistence;
using ActorArb.Actors.Runtime;
using ActorArb.Domain.Events;
using ActorArb.Domain.Market;
using ActorArb.Domain.Market.Aggregation;

namespace ActorArb.Actors.MarketData;

/// <summary>
/// Hosts one instrument's <see cref="CandleAggregator"/>: ticks or 1m candles in, closed candles of every
/// configured timeframe out to <c>next</c>, each persisted as a <see cref="CandleClosed"/> event. Candles of a
/// source whose bars are longer than a minute (e.g. a 1h file) pass through as they are: roll-ups start at 1m.
/// </summary>
public sealed class CandleAggregatorActor : ReceiveActor
{
    private readonly CandleAggregator _aggregator;
    private readonly IActorRef _next;
    private readonly IActorRef _journal;
    private readonly string _stream;
    private readonly List<Candle> _closed = new(1024);
    private readonly bool _passThrough;

    // After a restore, the newest event time the stopped run had seen. An exchange replays its recent trades when a
    // feed subscribes (Kraken and Coinbase snapshots) and the new feed's deduplicator has never seen them, so until a
    // newer trade arrives, trades at or before it are taken as replays: applying them again would count them twice in
    // the restored open minute. The cost is a trade the stopped run never received, older than the newest it had.
    private long _replayedThroughMs = long.MinValue;

    // Trades before it belong to candles the store holds already (a run restarted after it was killed): dropped for good.
    private readonly long _closedBeforeMs;

    private CandleAggregatorActor(Instrument instrument, Timeframe sourceTimeframe, CandleAggregatorOptions options, IActorRef next, IActorRef journal, string streamScope, CandleAggregatorState? restore, long closedBeforeMs)
    {
        _closedBeforeMs = closedBeforeMs;
        _passThrough = sourceTimeframe != Timeframe.OneMinute;
        _aggregator = restore is null ? new CandleAggregator(instrument.Id, options) : CandleAggregator.Restore(instrument.Id, options, restore);
        if (restore is { Started: true })
        {
            _replayedThroughMs = restore.MaxEventMs;
        }

        _next = next;
        _journal = journal;
        _stream = StreamOf(streamScope, instrument.Id);
        Receive<MarketDataProtocol.TickBatch>(Handle);
        Receive<MarketDataProtocol.CandleBatch>(Handle);
        Receive<MarketDataProtocol.EndOfData>(Handle);
        Receive<MarketDataProtocol.GetState>(_ => Sender.Tell(new MarketDataProtocol.State(_aggregator.Export()), Self));
        Receive<MarketDataProtocol.Watermark>(m =>
        {
            _aggregator.AdvanceWatermark(m.TimeMs, _closed);
            Emit();
        });
    }

    /// <summary>Returns <paramref name="instrument"/> as it reads in actor names (<c>kraken-USDC-USD</c>).</summary>
    internal static string NameOf(InstrumentId instrument) => instrument.ToString().Replace('/', '-').Replace(':', '-');

    /// <summary>Returns the stream the candle events of <paramref name="instrument"/> go to under <paramref name="streamScope"/>.</summary>
    public static string StreamOf(string streamScope, InstrumentId instrument) => $"{streamScope}/candles/{instrument}";

    /// <summary>
    /// Returns the props of an aggregator for <paramref name="instrument"/>, continuing from <paramref name="restore"/>
    /// (a state a previous run exported through <see cref="MarketDataProtocol.GetState"/>) when given: the bars that
    /// were still open then are completed rather than lost. Trades no newer than the newest the previous run had seen
    /// are dropped until a newer one arrives, as an exchange's replay on subscribe. The state must fit
    /// <paramref name="options"/> (<see cref="CandleAggregator.CanRestore"/>), or the actor fails to start. Trades
    /// before <paramref name="closedBeforeMs"/> are always dropped: their minutes are closed and stored already.
    /// </summary>
    public static Props Props(Instrument instrument, Timeframe sourceTimeframe, CandleAggregatorOptions options, IActorRef next, IActorRef journal, string streamScope, CandleAggregatorState? restore = null, long closedBeforeMs = long.MinValue) =>
        Runtime.Props.Create(() => new CandleAggregatorActor(instrument, sourceTimeframe, options, next, journal, streamScope, restore, closedBeforeMs));

    private void Handle(MarketDataProtocol.TickBatch batch)
    {
        foreach (ref readonly var tick in batch.Ticks.AsSpan())
        {
            if (tick.TimeMs <= _replayedThroughMs || tick.TimeMs < _closedBeforeMs)
            {
                continue;
            }

            _replayedThroughMs = long.MinValue;
            _aggregator.OnTick(in tick, _closed);
        }

        Emit();
    }

    private void Handle(MarketDataProtocol.CandleBatch batch)
    {
        if (_passThrough)
        {
            _closed.AddRange(batch.Candles);
        }
        else
        {
            foreach (ref readonly var candle in batch.Candles.AsSpan())
            {
                _aggregator.OnCandle(in candle, _closed);
            }
        }

        Emit();
    }

    private void Handle(MarketDataProtocol.EndOfData end)
    {
        _aggregator.Flush(_closed);
        Emit();
        _next.Tell(end, Self);
    }

    private void Emit()
    {
        if (_closed.Count == 0)
        {
            return;
        }

        var candles = _closed.ToArray();
        _closed.Clear();
        var events = new IDomainEvent[candles.Length];
        for (var i = 0; i < candles.Length; i++)
        {
            events[i] = new CandleClosed(candles[i]);
            Context.System.EventStream.Publish(events[i]);
        }

        _journal.Tell(new JournalProtocol.Append(_stream, ImmutableCollectionsMarshal.AsImmutableArray(events)), Self);
        _next.Tell(new MarketDataProtocol.CandleBatch(ImmutableCollectionsMarshal.AsImmutableArray(candles)), Self);
    }
}
