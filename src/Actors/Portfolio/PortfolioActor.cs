using System.Collections.Immutable;
using ActorArb.Actors.Execution;
using ActorArb.Actors.MarketData;
using ActorArb.Actors.Persistence;
using ActorArb.Actors.Replay;
using ActorArb.Actors.Runtime;
using ActorArb.Domain.Events;
using ActorArb.Domain.Market;
using ActorArb.Domain.Portfolio;

namespace ActorArb.Actors.Portfolio;

/// <summary>
/// Hosts the <see cref="PortfolioLedger"/>: applies fills, marks positions on base candles and records one
/// equity point per strategy bar, valued at that bar's close after the fills of that bar (a bar's point is
/// written once something later than its close arrives). After each execution report it sends a
/// <see cref="PortfolioProtocol.Snapshot"/> to the risk manager and then the strategy. At a replay checkpoint it
/// answers with a <see cref="PortfolioProtocol.State"/> carrying the points and fills added since the previous one.
/// A <see cref="PortfolioValued"/> per fill is persisted, with a <see cref="PortfolioRecorded"/> of the ledger and the
/// pending bar after every command that moved them (a <see cref="StageActor"/>); the equity curve, the marks and the
/// fills it reports at the end are a replay's report, not state a restarted portfolio recovers.
/// </summary>
public sealed class PortfolioActor : StageActor
{
    private readonly Instrument _instrument;
    private readonly Timeframe _baseTimeframe;
    private readonly Timeframe _strategyTimeframe;
    private readonly IActorRef _observer;
    private readonly List<EquityPoint> _equity = [];
    private readonly List<Candle> _marks = [];
    private readonly List<OrderFilled> _fills = [];
    private readonly List<Trade> _recoveredClosed = [];
    private PortfolioLedger _ledger;
    private PortfolioLedgerState? _recoveredLedger;
    private IActorRef? _strategy;
    private IActorRef? _risk;
    private Candle? _pending;
    private int _closedRecorded;
    private int _equityExported;
    private int _fillsExported;

    private PortfolioActor(Instrument instrument, double initialCash, Timeframe baseTimeframe, Timeframe strategyTimeframe, IActorRef observer, StagePersistence persistence, string streamScope, PortfolioProtocol.State? restore)
        : base(persistence, StreamOf(streamScope))
    {
        _ledger = new PortfolioLedger(initialCash);
        if (restore is not null)
        {
            if (restore.EquityFrom != 0 || restore.FillsFrom != 0 || restore.Equity.Length != restore.Marks.Length)
            {
                throw new ArgumentException("a portfolio is restored from a whole state: offsets 0 and one mark per equity point", nameof(restore));
            }

            _ledger = PortfolioLedger.Restore(restore.Ledger);
            _pending = restore.Pending;
            _equity.AddRange(restore.Equity);
            _marks.AddRange(restore.Marks);
            _fills.AddRange(restore.Fills);
            (_equityExported, _fillsExported) = (_equity.Count, _fills.Count);
        }

        _closedRecorded = _ledger.ClosedTrades.Count;
        _instrument = instrument;
        _baseTimeframe = baseTimeframe;
        _strategyTimeframe = strategyTimeframe;
        _observer = observer;
    }

    /// <summary>
    /// Returns the props of a portfolio starting with <paramref name="initialCash"/>, or from <paramref name="restore"/>
    /// (a checkpoint's whole state) when given, and otherwise as <paramref name="persistence"/> recovers it.
    /// </summary>
    public static Props Props(Instrument instrument, double initialCash, Timeframe baseTimeframe, Timeframe strategyTimeframe, IActorRef observer, StagePersistence persistence, string streamScope, PortfolioProtocol.State? restore = null) =>
        Runtime.Props.Create(() => new PortfolioActor(instrument, initialCash, baseTimeframe, strategyTimeframe, observer, persistence, streamScope, restore));

    /// <summary>Returns the stream of the portfolio of the chain scoped by <paramref name="streamScope"/>.</summary>
    public static string StreamOf(string streamScope) => $"{streamScope}/portfolio";

    /// <inheritdoc />
    protected override void Restore(object record)
    {
        // Each record carries the trades closed since the one before it; the ledger is rebuilt once, at the end.
        var recorded = (PortfolioRecorded)record;
        _recoveredClosed.RemoveRange(recorded.ClosedFrom, _recoveredClosed.Count - recorded.ClosedFrom);
        _recoveredClosed.AddRange(recorded.Ledger.Closed);
        _recoveredLedger = recorded.Ledger;
        _pending = recorded.Pending;
    }

    /// <inheritdoc />
    protected override void OnRecovered()
    {
        if (_recoveredLedger is { } ledger)
        {
            _ledger = PortfolioLedger.Restore(ledger with { Closed = [.. _recoveredClosed] });
            _closedRecorded = _recoveredClosed.Count;
            _recoveredLedger = null;
            _recoveredClosed.Clear();
        }
    }

    /// <inheritdoc />
    protected override object? SnapshotState() => new PortfolioRecorded(_ledger.Export(), 0, _pending);

    /// <inheritdoc />
    protected override void Command(object message)
    {
        switch (message)
        {
            case PortfolioProtocol.RegisterFeedback feedback:
                (_strategy, _risk) = (feedback.Strategy, feedback.Risk);
                break;
            case MarketDataProtocol.CandleBatch batch:
                Handle(batch);
                break;
            case ExecutionProtocol.ExecutionReport report:
                Handle(report);
                break;
            case MarketDataProtocol.EndOfData:
                CloseBarBefore(long.MaxValue);
                _observer.Tell(new PortfolioProtocol.Completed([.. _equity], [.. _marks], _ledger.Trades(), [.. _fills], _ledger.Cash, _ledger.PositionOf(_instrument.Id)), Self);
                break;
            case TakeCheckpoint checkpoint:
                Handle(checkpoint);
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private void Handle(TakeCheckpoint checkpoint)
    {
        var state = new PortfolioProtocol.State(
            _ledger.Export(),
            _pending,
            _equityExported,
            [.. _equity.Skip(_equityExported)],
            [.. _marks.Skip(_equityExported)],
            _fillsExported,
            [.. _fills.Skip(_fillsExported)]);
        (_equityExported, _fillsExported) = (_equity.Count, _fills.Count);
        checkpoint.ReplyTo.Tell(state, Self);
    }

    private void Handle(MarketDataProtocol.CandleBatch batch)
    {
        foreach (ref readonly var candle in batch.Candles.AsSpan())
        {
            CloseBarBefore(candle.CloseTimeMs);
            if (candle.Timeframe == _baseTimeframe)
            {
                _ledger.Mark(_instrument.Id, candle.Close);
            }

            if (candle.Timeframe == _strategyTimeframe)
            {
                _pending = candle;
            }
        }

        if (batch.Candles.Length > 0)
        {
            Commit([], Recorded());
        }
    }

    private void Handle(ExecutionProtocol.ExecutionReport report)
    {
        var events = new IDomainEvent[report.Fills.Length];
        if (report.Fills.Length > 0)
        {
            CloseBarBefore(report.Fills[0].TimeMs);
            for (var i = 0; i < report.Fills.Length; i++)
            {
                _ledger.Apply(report.Fills[i]);
                _fills.Add(report.Fills[i]);
                events[i] = _ledger.Valued(report.Fills[i].TimeMs);
            }
        }

        var snapshot = new PortfolioProtocol.Snapshot(report.TimeMs, _ledger.Cash, _ledger.PositionOf(_instrument.Id), report.WorkingOrders);
        Commit(events, events.Length == 0 ? null : Recorded(), () =>
        {
            _risk?.Tell(snapshot, Self);
            _strategy?.Tell(snapshot, Self);
        });
    }

    /// <summary>Returns the record of the ledger (with the trades closed since the previous record) and the pending bar.</summary>
    private PortfolioRecorded Recorded()
    {
        var recorded = new PortfolioRecorded(_ledger.Export(_closedRecorded), _closedRecorded, _pending);
        _closedRecorded = _ledger.ClosedTrades.Count;
        return recorded;
    }

    /// <summary>Writes the pending bar's equity point once something later than its close arrives.</summary>
    private void CloseBarBefore(long timeMs)
    {
        if (_pending is not { } bar || timeMs <= bar.CloseTimeMs)
        {
            return;
        }

        _equity.Add(_ledger.PointAt(bar));
        _marks.Add(bar);
        _pending = null;
    }
}
