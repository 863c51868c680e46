using ActorArb.Actors.MarketData;
using ActorArb.Actors.Persistence;
using ActorArb.Actors.Portfolio;
using ActorArb.Actors.Replay;
using ActorArb.Actors.Runtime;
using ActorArb.Domain.Events;
using ActorArb.Domain.Portfolio;
using ActorArb.Domain.Strategies;

namespace ActorArb.Actors.Strategies;

/// <summary>
/// Hosts one <see cref="IStrategy"/>. Candles and regime changes arrive in time order and are passed on to the
/// risk manager. When the strategy wants an order, the actor sends the candles up to the decision and then the
/// intent, and holds everything after it until the outcome returns (a rejection from risk, or the portfolio's
/// snapshot after execution), so the strategy never decides on a stale position — in replay and live alike.
/// Intents are persisted before risk sees them, with a <see cref="StrategyRecorded"/> of the book and the strategy's
/// memory whenever a command changed them (a <see cref="StageActor"/>); the memory is exact for an
/// <see cref="IStatefulStrategy"/>, and a strategy that is not one resumes with fresh memory. A replay checkpoints it
/// while the chain is idle (<see cref="TakeCheckpoint"/>) and resumes it from that <see cref="StrategyProtocol.State"/>;
/// the strategy must then be an <see cref="IStatefulStrategy"/>.
/// </summary>
public sealed class StrategyActor : StageActor
{
    private readonly IStrategy _strategy;
    private readonly IActorRef _risk;
    private readonly List<OrderIntent> _intents = new(2);
    private readonly Queue<object> _held = new();
    private MarketDataProtocol.CandleBatch _batch = new([]);
    private StrategyProtocol.State _recorded;
    private int _cursor;
    private bool _awaiting;
    private double _cash;
    private double _position;
    private int _workingOrders;

    private StrategyActor(IStrategy strategy, double initialCash, IActorRef risk, StagePersistence persistence, string streamScope, StrategyProtocol.State? restore)
        : base(persistence, StreamOf(streamScope, strategy.Id))
    {
        _strategy = strategy;
        _cash = initialCash;
        if (restore is not null)
        {
            Stateful(strategy);
            Apply(restore);
        }

        _recorded = State();
        _risk = risk;
    }

    /// <summary>
    /// Returns the props of an actor hosting <paramref name="strategy"/>, starting from <paramref name="restore"/>
    /// (a checkpoint's state) when given, and otherwise as <paramref name="persistence"/> recovers it.
    /// </summary>
    public static Props Props(IStrategy strategy, double initialCash, IActorRef risk, StagePersistence persistence, string streamScope, StrategyProtocol.State? restore = null) =>
        Runtime.Props.Create(() => new StrategyActor(strategy, initialCash, risk, persistence, streamScope, restore));

    /// <summary>Returns the stream of strategy <paramref name="strategyId"/> in the chain scoped by <paramref name="streamScope"/>.</summary>
    public static string StreamOf(string streamScope, string strategyId) => $"{streamScope}/strategy/{strategyId}";

    /// <inheritdoc />
    protected override void Restore(object record)
    {
        Apply(((StrategyRecorded)record).State);
        _recorded = State();
    }

    /// <inheritdoc />
    protected override object? SnapshotState() => new StrategyRecorded(State());

    /// <inheritdoc />
    protected override void Command(object message)
    {
        switch (message)
        {
            case MarketDataProtocol.CandleBatch or RegimeChanged or MarketDataProtocol.EndOfData:
                _held.Enqueue(message);
                break;
            case OrderRejected:
                _awaiting = false;
                break;
            case PortfolioProtocol.Snapshot snapshot:
                (_cash, _position, _workingOrders) = (snapshot.Cash, snapshot.Position, snapshot.WorkingOrders);
                _awaiting = false;
                break;
            case TakeCheckpoint checkpoint:
                Handle(checkpoint);
                return;
            default:
                Unhandled(message);
                return;
        }

        Drain();
    }

    private static IStatefulStrategy Stateful(IStrategy strategy) =>
        strategy as IStatefulStrategy ?? throw new NotSupportedException($"strategy {strategy.Id} ({strategy.GetType().Name}) cannot be checkpointed: it is not an IStatefulStrategy");

    private static bool Same(StrategyProtocol.State a, StrategyProtocol.State b) =>
        a.Cash.Equals(b.Cash) && a.Position.Equals(b.Position) && a.WorkingOrders == b.WorkingOrders &&
        (ReferenceEquals(a.Strategy, b.Strategy) || (a.Strategy is { } x && b.Strategy is { } y && x.Kind == y.Kind && x.Values.AsSpan().SequenceEqual(y.Values.AsSpan())));

    private void Handle(TakeCheckpoint checkpoint)
    {
        if (_awaiting || _held.Count > 0 || _cursor < _batch.Candles.Length)
        {
            throw new InvalidOperationException("a checkpoint reached the strategy while it still held candles or awaited an order's outcome");
        }

        Stateful(_strategy);
        checkpoint.ReplyTo.Tell(State(), Self);
    }

    private StrategyProtocol.State State() => new(_cash, _position, _workingOrders, (_strategy as IStatefulStrategy)?.ExportState());

    private void Apply(StrategyProtocol.State state)
    {
        (_cash, _position, _workingOrders) = (state.Cash, state.Position, state.WorkingOrders);
        if (_strategy is IStatefulStrategy stateful)
        {
            stateful.RestoreState(state.Strategy);
        }
    }

    /// <summary>Runs the strategy on what it holds until it awaits an order's outcome, then stores what changed.</summary>
    private void Drain()
    {
        IDomainEvent[] intents = [];
        while (!_awaiting)
        {
            if (_cursor < _batch.Candles.Length)
            {
                intents = ContinueBatch();
                continue;
            }

            if (!_held.TryDequeue(out var next))
            {
                break;
            }

            switch (next)
            {
                case MarketDataProtocol.CandleBatch batch:
                    _batch = batch;
                    _cursor = 0;
                    break;
                case RegimeChanged change:
                    _strategy.OnRegime(change.To);
                    _risk.Tell(change, Self);
                    break;
                default:
                    _risk.Tell(next, Self);
                    break;
            }
        }

        // Intents always come with a record; otherwise only a change of the book or the memory is recorded.
        var state = State();
        var changed = intents.Length > 0 || !Same(state, _recorded);
        _recorded = state;
        Commit(intents, changed ? new StrategyRecorded(state) : null, intents.Length == 0 ? null : () =>
        {
            foreach (var intent in intents)
            {
                _risk.Tell(intent, Self);
            }
        });
    }

    /// <summary>Runs the strategy on the current batch; returns the intents of a decision (and then awaits its outcome), or none at the batch's end.</summary>
    private IDomainEvent[] ContinueBatch()
    {
        var start = _cursor;
        var timeframe = _strategy.Timeframe;
        var candles = _batch.Candles;
        for (; _cursor < candles.Length; _cursor++)
        {
            ref readonly var candle = ref candles.ItemRef(_cursor);
            if (candle.Timeframe != timeframe || _workingOrders > 0)
            {
                continue;
            }

            var context = new StrategyContext(candle.CloseTimeMs, _cash, _position, PortfolioLedger.ValueOf(_cash, _position, candle.Close));
            _strategy.OnCandle(in candle, in context, _intents);
            if (_intents.Count == 0)
            {
                continue;
            }

            _cursor++;
            SendCandles(start, _cursor);
            IDomainEvent[] intents = [.. _intents];
            _intents.Clear();
            _awaiting = true;
            return intents;
        }

        SendCandles(start, _cursor);
        return [];
    }

    private void SendCandles(int from, int to)
    {
        if (to > from)
        {
            _risk.Tell(_batch.Slice(from, to), Self);
        }
    }
}
