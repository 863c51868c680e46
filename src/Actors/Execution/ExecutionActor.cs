using System.Collections.Immutable;
using ActorArb.Actors.MarketData;
using ActorArb.Actors.Persistence;
using ActorArb.Actors.Replay;
using ActorArb.Actors.Runtime;
using ActorArb.Domain.Events;
using ActorArb.Domain.Execution;
using ActorArb.Domain.Market;

namespace ActorArb.Actors.Execution;

/// <summary>
/// Hosts <see cref="PaperExecution"/> for one instrument. On candle data a bar's price is observed at its close
/// time, so an order fills at the close of the first base bar closing at or after decision time + latency
/// (with no latency: the close of the bar it was decided on). Candles pass on to the portfolio; after every
/// order and every batch that filled something, an execution report follows the candles it belongs to. The fills
/// are persisted, with an <see cref="ExecutionRecorded"/> of the working orders and the last bar (a
/// <see cref="StageActor"/>), before the portfolio hears of them.
/// </summary>
public sealed class ExecutionActor : StageActor
{
    private readonly InstrumentId _instrument;
    private readonly FillModel _model;
    private readonly Timeframe _baseTimeframe;
    private readonly IActorRef _portfolio;
    private readonly List<OrderFilled> _fills = [];
    private readonly List<IDomainEvent> _stored = [];
    private readonly List<object> _outbox = [];
    private PaperExecution _execution;
    private Candle? _last;

    private ExecutionActor(Instrument instrument, FillModel model, Timeframe baseTimeframe, IActorRef portfolio, StagePersistence persistence, string streamScope, ExecutionProtocol.State? restore)
        : base(persistence, StreamOf(streamScope))
    {
        (_instrument, _model) = (instrument.Id, model);
        _execution = new PaperExecution(instrument.Id, model);
        if (restore is not null)
        {
            Apply(restore);
        }

        _baseTimeframe = baseTimeframe;
        _portfolio = portfolio;
    }

    /// <summary>
    /// Returns the props of a paper execution actor, starting from <paramref name="restore"/> (a checkpoint's state) when
    /// given, and otherwise as <paramref name="persistence"/> recovers it.
    /// </summary>
    public static Props Props(Instrument instrument, FillModel model, Timeframe baseTimeframe, IActorRef portfolio, StagePersistence persistence, string streamScope, ExecutionProtocol.State? restore = null) =>
        Runtime.Props.Create(() => new ExecutionActor(instrument, model, baseTimeframe, portfolio, persistence, streamScope, restore));

    /// <summary>Returns the stream of the paper execution of the chain scoped by <paramref name="streamScope"/>.</summary>
    public static string StreamOf(string streamScope) => $"{streamScope}/execution";

    /// <inheritdoc />
    protected override void Restore(object record) => Apply(((ExecutionRecorded)record).State);

    /// <inheritdoc />
    protected override object? SnapshotState() => new ExecutionRecorded(State());

    /// <inheritdoc />
    protected override void Command(object message)
    {
        switch (message)
        {
            case MarketDataProtocol.CandleBatch batch:
                Store(Handle(batch));
                break;
            case OrderApproved order:
                Handle(order);
                Store(record: true);
                break;
            case MarketDataProtocol.EndOfData end:
                _portfolio.Tell(end, Self);
                break;
            case TakeCheckpoint checkpoint:
                checkpoint.ReplyTo.Tell(State(), Self);
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    /// <summary>Prices the working orders on the batch's base candles; returns whether it held any.</summary>
    private bool Handle(MarketDataProtocol.CandleBatch batch)
    {
        var candles = batch.Candles;
        var start = 0;
        var based = false;
        for (var i = 0; i < candles.Length; i++)
        {
            ref readonly var candle = ref candles.ItemRef(i);
            if (candle.Timeframe != _baseTimeframe)
            {
                continue;
            }

            _last = candle;
            based = true;
            if (_execution.WorkingCount == 0)
            {
                continue;
            }

            _execution.OnPrice(candle.CloseTimeMs, candle.Close, candle.Volume, _fills);
            if (_fills.Count > 0)
            {
                _outbox.Add(batch.Slice(start, i + 1));
                start = i + 1;
                Report(candle.CloseTimeMs);
            }
        }

        if (start < candles.Length)
        {
            _outbox.Add(batch.Slice(start, candles.Length));
        }

        return based;
    }

    private void Handle(OrderApproved order)
    {
        _execution.Submit(order, order.TimeMs);
        if (_last is { } last)
        {
            // The decision bar has already passed through; with no latency its close is the fill price.
            _execution.OnPrice(last.CloseTimeMs, last.Close, last.Volume, _fills);
        }

        Report(order.TimeMs);
    }

    private void Report(long timeMs)
    {
        var fills = _fills.ToImmutableArray();
        _fills.Clear();
        _stored.AddRange(fills);
        _outbox.Add(new ExecutionProtocol.ExecutionReport(timeMs, fills, _execution.WorkingCount));
    }

    /// <summary>Persists the command's fills, and its state when <paramref name="record"/>, then sends the portfolio what the command produced.</summary>
    private void Store(bool record)
    {
        object[] outbox = [.. _outbox];
        _outbox.Clear();
        Commit(_stored, record ? new ExecutionRecorded(State()) : null, () =>
        {
            foreach (var message in outbox)
            {
                _portfolio.Tell(message, Self);
            }
        });
        _stored.Clear();
    }

    private ExecutionProtocol.State State() => new(_last, _execution.Export());

    private void Apply(ExecutionProtocol.State state)
    {
        _execution = PaperExecution.Restore(_instrument, _model, state.Engine);
        _last = state.Last;
    }
}
