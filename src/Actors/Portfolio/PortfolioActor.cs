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
/// </summary>
public sealed class PortfolioActor : ReceiveActor
{
    private readonly PortfolioLedger _ledger;
    private readonly Instrument _instrument;
    private readonly Timeframe _baseTimeframe;
    private readonly Timeframe _strategyTimeframe;
    private readonly IActorRef _observer;
    private readonly IActorRef _journal;
    private readonly string _stream;
    private readonly List<EquityPoint> _equity = [];
    private readonly List<Candle> _marks = [];
    private readonly List<OrderFilled> _fills = [];
    private IActorRef? _strategy;
    private IActorRef? _risk;
    private Candle? _pending;
    private int _equityExported;
    private int _fillsExported;

    private PortfolioActor(Instrument instrument, double initialCash, Timeframe baseTimeframe, Timeframe strategyTimeframe, IActorRef observer, IActorRef journal, string streamScope, PortfolioProtocol.State? restore)
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

        _instrument = instrument;
        _baseTimeframe = baseTimeframe;
        _strategyTimeframe = strategyTimeframe;
        _observer = observer;
        _journal = journal;
        _stream = $"{streamScope}/portfolio";
        Receive<PortfolioProtocol.RegisterFeedback>(m => (_strategy, _risk) = (m.Strategy, m.Risk));
        Receive<MarketDataProtocol.CandleBatch>(Handle);
        Receive<ExecutionProtocol.ExecutionReport>(Handle);
        Receive<MarketDataProtocol.EndOfData>(Handle);
        Receive<TakeCheckpoint>(Handle);
    }

    /// <summary>
    /// Returns the props of a portfolio starting with <paramref name="initialCash"/>, or from <paramref name="restore"/>
    /// (a checkpoint's whole state) when given.
    /// </summary>
    public static Props Props(Instrument instrument, double initialCash, Timeframe baseTimeframe, Timeframe strategyTimeframe, IActorRef observer, IActorRef journal, string streamScope, PortfolioProtocol.State? restore = null) =>
        Runtime.Props.Create(() => new PortfolioActor(instrument, initialCash, baseTimeframe, strategyTimeframe, observer, journal, streamScope, restore));

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
    }

    private void Handle(ExecutionProtocol.ExecutionReport report)
    {
        if (report.Fills.Length > 0)
        {
            CloseBarBefore(report.Fills[0].TimeMs);
            var events = new IDomainEvent[report.Fills.Length];
            for (var i = 0; i < report.Fills.Length; i++)
            {
                _ledger.Apply(report.Fills[i]);
                _fills.Add(report.Fills[i]);
                events[i] = _ledger.Valued(report.Fills[i].TimeMs);
                Context.System.EventStream.Publish(events[i]);
            }

            _journal.Tell(new JournalProtocol.Append(_stream, [.. events]), Self);
        }

        var snapshot = new PortfolioProtocol.Snapshot(report.TimeMs, _ledger.Cash, _ledger.PositionOf(_instrument.Id), report.WorkingOrders);
        _risk?.Tell(snapshot, Self);
        _strategy?.Tell(snapshot, Self);
    }

    private void Handle(MarketDataProtocol.EndOfData end)
    {
        CloseBarBefore(long.MaxValue);
        _observer.Tell(new PortfolioProtocol.Completed([.. _equity], [.. _marks], _ledger.Trades(), [.. _fills], _ledger.Cash, _ledger.PositionOf(_instrument.Id)), Self);
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
