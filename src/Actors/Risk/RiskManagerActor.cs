using ActorArb.Actors.MarketData;
using ActorArb.Actors.Persistence;
using ActorArb.Actors.Portfolio;
using ActorArb.Actors.Replay;
using ActorArb.Actors.Runtime;
using ActorArb.Domain.Events;
using ActorArb.Domain.Market;
using ActorArb.Domain.Regimes;
using ActorArb.Domain.Risk;

namespace ActorArb.Actors.Risk;

/// <summary>
/// Hosts the <see cref="RiskManager"/>: values the book on every base candle (drawdown and daily-loss halts),
/// follows regime changes (FLASH_CRASH / DEPEG halts), takes the operator's kill switch, and approves or
/// rejects each intent. Approved orders go to execution behind the candles they were decided on; rejections
/// go back to the strategy. Every decision and halt is persisted with its reason.
/// </summary>
public sealed class RiskManagerActor : ReceiveActor
{
    private readonly RiskManager _risk;
    private readonly Timeframe _baseTimeframe;
    private readonly IActorRef _execution;
    private readonly IActorRef _journal;
    private readonly string _stream;
    private readonly List<IDomainEvent> _events = [];
    private double _cash;
    private double _position;
    private Price _mark;
    private long _timeMs;
    private Regime _regime;

    private RiskManagerActor(RiskLimits limits, Instrument instrument, Timeframe baseTimeframe, double initialCash, IActorRef execution, IActorRef journal, string streamScope, RiskProtocol.State? restore)
    {
        _risk = restore is null ? new RiskManager(limits) : RiskManager.Restore(limits, restore.Manager);
        _baseTimeframe = baseTimeframe;
        _cash = initialCash;
        _regime = instrument.IsPegged ? Regime.PegStable : Regime.Normal;
        if (restore is not null)
        {
            (_cash, _position, _mark, _timeMs, _regime) = (restore.Cash, restore.Position, restore.Mark, restore.TimeMs, restore.Regime);
        }

        _execution = execution;
        _journal = journal;
        _stream = $"{streamScope}/risk";
        Receive<MarketDataProtocol.CandleBatch>(Handle);
        Receive<RegimeChanged>(Handle);
        Receive<OrderIntent>(Handle);
        Receive<PortfolioProtocol.Snapshot>(Handle);
        Receive<RiskProtocol.Halt>(m => Record(() => _risk.Halt(_timeMs, m.Reason, _events)));
        Receive<RiskProtocol.Resume>(m => Record(() => _risk.Resume(_timeMs, m.Reason, _events)));
        Receive<RiskProtocol.DataHealth>(m => Record(() => _risk.OnDataHealth(_timeMs, m.Healthy, m.Reason, _events)));
        Receive<MarketDataProtocol.EndOfData>(end => _execution.Tell(end, Self));
        Receive<TakeCheckpoint>(c => c.ReplyTo.Tell(new RiskProtocol.State(_cash, _position, _mark, _timeMs, _regime, _risk.Export()), Self));
    }

    /// <summary>
    /// Returns the props of a risk manager with <paramref name="limits"/>, starting from <paramref name="restore"/> (a
    /// checkpoint's state) when given.
    /// </summary>
    public static Props Props(RiskLimits limits, Instrument instrument, Timeframe baseTimeframe, double initialCash, IActorRef execution, IActorRef journal, string streamScope, RiskProtocol.State? restore = null) =>
        Runtime.Props.Create(() => new RiskManagerActor(limits, instrument, baseTimeframe, initialCash, execution, journal, streamScope, restore));

    private void Handle(MarketDataProtocol.CandleBatch batch)
    {
        foreach (ref readonly var candle in batch.Candles.AsSpan())
        {
            if (candle.Timeframe != _baseTimeframe)
            {
                continue;
            }

            _mark = candle.Close;
            _timeMs = candle.CloseTimeMs;
            _risk.OnEquity(_timeMs, Equity(), _events);
        }

        Flush();
        _execution.Tell(batch, Self);
    }

    private void Handle(RegimeChanged change)
    {
        _regime = change.To;
        Record(() => _risk.OnRegime(change.TimeMs, change.To, _events));
    }

    private void Handle(OrderIntent intent)
    {
        var decision = _risk.Evaluate(intent, new RiskSnapshot(_cash, _position, Equity(), _mark, _regime));
        _journal.Tell(new JournalProtocol.Append(_stream, [decision.Event]), Self);
        Context.System.EventStream.Publish(decision.Event);
        if (decision.IsApproved)
        {
            _execution.Tell(decision.Approved, Self);
        }
        else
        {
            Sender.Tell(decision.Rejected, Self);
        }
    }

    private void Handle(PortfolioProtocol.Snapshot snapshot)
    {
        _cash = snapshot.Cash;
        _position = snapshot.Position;
    }

    private double Equity() => _cash + _position * _mark.ToDouble();

    private void Record(Action evolve)
    {
        evolve();
        Flush();
    }

    private void Flush()
    {
        if (_events.Count == 0)
        {
            return;
        }

        foreach (var e in _events)
        {
            Context.System.EventStream.Publish(e);
        }

        _journal.Tell(new JournalProtocol.Append(_stream, [.. _events]), Self);
        _events.Clear();
    }
}
