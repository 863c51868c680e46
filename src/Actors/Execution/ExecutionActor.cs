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
/// order and every batch that filled something, an execution report follows the candles it belongs to.
/// </summary>
public sealed class ExecutionActor : ReceiveActor
{
    private readonly PaperExecution _execution;
    private readonly Timeframe _baseTimeframe;
    private readonly IActorRef _portfolio;
    private readonly IActorRef _journal;
    private readonly string _stream;
    private readonly List<OrderFilled> _fills = [];
    private Candle? _last;

    private ExecutionActor(Instrument instrument, FillModel model, Timeframe baseTimeframe, IActorRef portfolio, IActorRef journal, string streamScope, ExecutionProtocol.State? restore)
    {
        _execution = restore is null ? new PaperExecution(instrument.Id, model) : PaperExecution.Restore(instrument.Id, model, restore.Engine);
        _last = restore?.Last;
        _baseTimeframe = baseTimeframe;
        _portfolio = portfolio;
        _journal = journal;
        _stream = $"{streamScope}/execution";
        Receive<MarketDataProtocol.CandleBatch>(Handle);
        Receive<OrderApproved>(Handle);
        Receive<MarketDataProtocol.EndOfData>(end => _portfolio.Tell(end, Self));
        Receive<TakeCheckpoint>(c => c.ReplyTo.Tell(new ExecutionProtocol.State(_last, _execution.Export()), Self));
    }

    /// <summary>Returns the props of a paper execution actor, starting from <paramref name="restore"/> (a checkpoint's state) when given.</summary>
    public static Props Props(Instrument instrument, FillModel model, Timeframe baseTimeframe, IActorRef portfolio, IActorRef journal, string streamScope, ExecutionProtocol.State? restore = null) =>
        Runtime.Props.Create(() => new ExecutionActor(instrument, model, baseTimeframe, portfolio, journal, streamScope, restore));

    private void Handle(MarketDataProtocol.CandleBatch batch)
    {
        var candles = batch.Candles;
        var start = 0;
        for (var i = 0; i < candles.Length; i++)
        {
            ref readonly var candle = ref candles.ItemRef(i);
            if (candle.Timeframe != _baseTimeframe)
            {
                continue;
            }

            _last = candle;
            if (_execution.WorkingCount == 0)
            {
                continue;
            }

            _execution.OnPrice(candle.CloseTimeMs, candle.Close, candle.Volume, _fills);
            if (_fills.Count > 0)
            {
                _portfolio.Tell(batch.Slice(start, i + 1), Self);
                start = i + 1;
                Report(candle.CloseTimeMs);
            }
        }

        if (start < candles.Length)
        {
            _portfolio.Tell(batch.Slice(start, candles.Length), Self);
        }
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
        if (fills.Length > 0)
        {
            foreach (var fill in fills)
            {
                Context.System.EventStream.Publish(fill);
            }

            _journal.Tell(new JournalProtocol.Append(_stream, ImmutableArray<IDomainEvent>.CastUp(fills)), Self);
        }

        _portfolio.Tell(new ExecutionProtocol.ExecutionReport(timeMs, fills, _execution.WorkingCount), Self);
    }
}
