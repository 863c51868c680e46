using ActorArb.Actors.MarketData;
using ActorArb.Actors.Persistence;
using ActorArb.Actors.Portfolio;
using ActorArb.Actors.Replay;
using ActorArb.Actors.Runtime;
using ActorArb.Domain.Events;
using ActorArb.Domain.Market;
using ActorArb.Domain.Strategies;

namespace ActorArb.Actors.Strategies;

/// <summary>
/// Hosts one <see cref="IStrategy"/>. Candles and regime changes arrive in time order and are passed on to the
/// risk manager. When the strategy wants an order, the actor sends the candles up to the decision and then the
/// intent, and holds everything after it until the outcome returns (a rejection from risk, or the portfolio's
/// snapshot after execution), so the strategy never decides on a stale position — in replay and live alike.
/// A replay checkpoints it while the chain is idle (<see cref="TakeCheckpoint"/>) and resumes it from that
/// <see cref="StrategyProtocol.State"/>; the strategy must then be an <see cref="IStatefulStrategy"/>.
/// </summary>
public sealed class StrategyActor : ReceiveActor
{
    private readonly IStrategy _strategy;
    private readonly IActorRef _risk;
    private readonly IActorRef _journal;
    private readonly string _stream;
    private readonly List<OrderIntent> _intents = new(2);
    private readonly Queue<object> _held = new();
    private MarketDataProtocol.CandleBatch _batch = new([]);
    private int _cursor;
    private bool _awaiting;
    private double _cash;
    private double _position;
    private int _workingOrders;

    private StrategyActor(IStrategy strategy, double initialCash, IActorRef risk, IActorRef journal, string streamScope, StrategyProtocol.State? restore)
    {
        _strategy = strategy;
        _cash = initialCash;
        if (restore is not null)
        {
            (_cash, _position, _workingOrders) = (restore.Cash, restore.Position, restore.WorkingOrders);
            Stateful(strategy).RestoreState(restore.Strategy);
        }

        _risk = risk;
        _journal = journal;
        _stream = $"{streamScope}/strategy/{strategy.Id}";
        Receive<MarketDataProtocol.CandleBatch>(m => Enqueue(m));
        Receive<RegimeChanged>(m => Enqueue(m));
        Receive<MarketDataProtocol.EndOfData>(m => Enqueue(m));
        Receive<OrderRejected>(Handle);
        Receive<PortfolioProtocol.Snapshot>(Handle);
        Receive<TakeCheckpoint>(Handle);
    }

    /// <summary>
    /// Returns the props of an actor hosting <paramref name="strategy"/>, starting from <paramref name="restore"/>
    /// (a checkpoint's state) when given.
    /// </summary>
    public static Props Props(IStrategy strategy, double initialCash, IActorRef risk, IActorRef journal, string streamScope, StrategyProtocol.State? restore = null) =>
        Runtime.Props.Create(() => new StrategyActor(strategy, initialCash, risk, journal, streamScope, restore));

    private static IStatefulStrategy Stateful(IStrategy strategy) =>
        strategy as IStatefulStrategy ?? throw new NotSupportedException($"strategy {strategy.Id} ({strategy.GetType().Name}) cannot be checkpointed: it is not an IStatefulStrategy");

    private void Handle(TakeCheckpoint checkpoint)
    {
        if (_awaiting || _held.Count > 0 || _cursor < _batch.Candles.Length)
        {
            throw new InvalidOperationException("a checkpoint reached the strategy while it still held candles or awaited an order's outcome");
        }

        checkpoint.ReplyTo.Tell(new StrategyProtocol.State(_cash, _position, _workingOrders, Stateful(_strategy).ExportState()), Self);
    }

    private void Enqueue(object message)
    {
        _held.Enqueue(message);
        Drain();
    }

    private void Handle(OrderRejected rejected)
    {
        _awaiting = false;
        Drain();
    }

    private void Handle(PortfolioProtocol.Snapshot snapshot)
    {
        _cash = snapshot.Cash;
        _position = snapshot.Position;
        _workingOrders = snapshot.WorkingOrders;
        _awaiting = false;
        Drain();
    }

    private void Drain()
    {
        while (!_awaiting)
        {
            if (_cursor < _batch.Candles.Length)
            {
                ContinueBatch();
                continue;
            }

            if (!_held.TryDequeue(out var next))
            {
                return;
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
    }

    private void ContinueBatch()
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

            var context = new StrategyContext(candle.CloseTimeMs, _cash, _position, _cash + _position * candle.Close.ToDouble());
            _strategy.OnCandle(in candle, in context, _intents);
            if (_intents.Count == 0)
            {
                continue;
            }

            _cursor++;
            SendCandles(start, _cursor);
            foreach (var intent in _intents)
            {
                _journal.Tell(new JournalProtocol.Append(_stream, [intent]), Self);
                Context.System.EventStream.Publish(intent);
                _risk.Tell(intent, Self);
            }

            _intents.Clear();
            _awaiting = true;
            return;
        }

        SendCandles(start, _cursor);
    }

    private void SendCandles(int from, int to)
    {
        if (to > from)
        {
            _risk.Tell(_batch.Slice(from, to), Self);
        }
    }
}
