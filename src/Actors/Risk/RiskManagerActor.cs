using ActorArb.Actors.MarketData;
using ActorArb.Actors.Persistence;
using ActorArb.Actors.Portfolio;
using ActorArb.Actors.Replay;
using ActorArb.Actors.Runtime;
using ActorArb.Domain.Events;
using ActorArb.Domain.Market;
using ActorArb.Domain.Portfolio;
using ActorArb.Domain.Regimes;
using ActorArb.Domain.Risk;

namespace ActorArb.Actors.Risk;

/// <summary>
/// Hosts the <see cref="RiskManager"/>: values the book on every base candle (drawdown and daily-loss halts),
/// follows regime changes (FLASH_CRASH / DEPEG halts), takes the operator's kill switch, and approves or
/// rejects each intent. Approved orders go to execution behind the candles they were decided on; rejections
/// go back to the strategy. Every decision and halt is persisted with its reason, and with them a
/// <see cref="RiskRecorded"/> of the state the command left (a <see cref="StageActor"/>), before anyone hears of it.
/// </summary>
public sealed class RiskManagerActor : StageActor
{
    private readonly RiskLimits _limits;
    private readonly Timeframe _baseTimeframe;
    private readonly IActorRef _execution;
    private readonly List<IDomainEvent> _events = [];
    private RiskManager _risk;
    private double _cash;
    private double _position;
    private Price _mark;
    private long _timeMs;
    private Regime _regime;

    private RiskManagerActor(RiskLimits limits, Instrument instrument, Timeframe baseTimeframe, double initialCash, IActorRef execution, StagePersistence persistence, string streamScope, RiskProtocol.State? restore)
        : base(persistence, StreamOf(streamScope))
    {
        _limits = limits;
        _risk = new RiskManager(limits);
        _baseTimeframe = baseTimeframe;
        _cash = initialCash;
        _regime = instrument.IsPegged ? Regime.PegStable : Regime.Normal;
        if (restore is not null)
        {
            Apply(restore);
        }

        _execution = execution;
    }

    /// <summary>
    /// Returns the props of a risk manager with <paramref name="limits"/>, starting from <paramref name="restore"/> (a
    /// checkpoint's state) when given, and otherwise as <paramref name="persistence"/> recovers it.
    /// </summary>
    public static Props Props(RiskLimits limits, Instrument instrument, Timeframe baseTimeframe, double initialCash, IActorRef execution, StagePersistence persistence, string streamScope, RiskProtocol.State? restore = null) =>
        Runtime.Props.Create(() => new RiskManagerActor(limits, instrument, baseTimeframe, initialCash, execution, persistence, streamScope, restore));

    /// <summary>Returns the stream of the risk manager of the chain scoped by <paramref name="streamScope"/>.</summary>
    public static string StreamOf(string streamScope) => $"{streamScope}/risk";

    /// <inheritdoc />
    protected override void Restore(object record) => Apply(((RiskRecorded)record).State);

    /// <inheritdoc />
    protected override object? SnapshotState() => new RiskRecorded(State());

    /// <inheritdoc />
    protected override void Command(object message)
    {
        switch (message)
        {
            case MarketDataProtocol.CandleBatch batch:
                Handle(batch);
                break;
            case RegimeChanged change:
                _regime = change.To;
                _risk.OnRegime(change.TimeMs, change.To, _events);
                Store(record: true);
                break;
            case OrderIntent intent:
                Handle(intent);
                break;
            case PortfolioProtocol.Snapshot snapshot:
                var changed = snapshot.Cash != _cash || snapshot.Position != _position;
                (_cash, _position) = (snapshot.Cash, snapshot.Position);
                Store(changed);
                break;
            case RiskProtocol.Halt halt:
                _risk.Halt(_timeMs, halt.Reason, _events);
                Store(record: _events.Count > 0);
                break;
            case RiskProtocol.Resume resume:
                // A resume restarts the drawdown peak even when nothing was halted.
                _risk.Resume(_timeMs, resume.Reason, _events);
                Store(record: true);
                break;
            case RiskProtocol.DataHealth health:
                _risk.OnDataHealth(_timeMs, health.Healthy, health.Reason, _events);
                Store(record: _events.Count > 0);
                break;
            case MarketDataProtocol.EndOfData end:
                _execution.Tell(end, Self);
                break;
            case TakeCheckpoint checkpoint:
                checkpoint.ReplyTo.Tell(State(), Self);
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private void Handle(MarketDataProtocol.CandleBatch batch)
    {
        // Halts on equity come with a mark, so they are always recorded.
        var marked = false;
        foreach (ref readonly var candle in batch.Candles.AsSpan())
        {
            if (candle.Timeframe != _baseTimeframe)
            {
                continue;
            }

            _mark = candle.Close;
            _timeMs = candle.CloseTimeMs;
            _risk.OnEquity(_timeMs, Equity(), _events);
            marked = true;
        }

        Store(marked, () => _execution.Tell(batch, Self));
    }

    private void Handle(OrderIntent intent)
    {
        var decision = _risk.Evaluate(intent, new RiskSnapshot(_cash, _position, Equity(), _mark, _regime));
        _events.Add(decision.Event);
        if (decision.IsApproved)
        {
            Store(record: true, () => _execution.Tell(decision.Approved, Self));
        }
        else
        {
            var strategy = Sender;
            Store(record: true, () => strategy.Tell(decision.Rejected, Self));
        }
    }

    private double Equity() => PortfolioLedger.ValueOf(_cash, _position, _mark);

    private RiskProtocol.State State() => new(_cash, _position, _mark, _timeMs, _regime, _risk.Export());

    private void Apply(RiskProtocol.State state)
    {
        _risk = RiskManager.Restore(_limits, state.Manager);
        (_cash, _position, _mark, _timeMs, _regime) = (state.Cash, state.Position, state.Mark, state.TimeMs, state.Regime);
    }

    /// <summary>Persists the command's events, and its state when <paramref name="record"/>, then runs <paramref name="then"/>.</summary>
    private void Store(bool record, Action? then = null)
    {
        Commit(_events, record ? new RiskRecorded(State()) : null, then);
        _events.Clear();
    }
}
