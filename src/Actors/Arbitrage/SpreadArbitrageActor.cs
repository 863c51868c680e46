using System.Collections.Immutable;
using System.Runtime.InteropServices;
using ActorArb.Actors.MarketData;
using ActorArb.Actors.Persistence;
using ActorArb.Actors.Risk;
using ActorArb.Actors.Runtime;
using ActorArb.Domain.Arbitrage;
using ActorArb.Domain.Events;

namespace ActorArb.Actors.Arbitrage;

/// <summary>
/// Hosts one <see cref="SpreadArbitrage"/> fed by the candle aggregators of all its legs, in replay (a merged
/// multi-file source) and live (one feed per venue) alike. Every event the engine produces — the arbitrage and its
/// two fills — is published and journaled to the spread's stream. An unhealthy feed (a
/// <see cref="RiskProtocol.DataHealth"/> from any venue's health actor) halts new arbitrages until every feed is
/// healthy again. When every leg's data has ended it reports <see cref="SpreadProtocol.Completed"/> to the observer.
/// </summary>
public sealed class SpreadArbitrageActor : ReceiveActor
{
    private readonly SpreadArbitrage _engine;
    private readonly IActorRef _observer;
    private readonly IActorRef _journal;
    private readonly string _stream;
    private readonly List<IDomainEvent> _events = new(3);
    private readonly List<ArbitrageExecuted> _arbitrages = [];
    private readonly HashSet<IActorRef> _unhealthy = [];
    private int _ended;

    private SpreadArbitrageActor(SpreadOptions options, SpreadState? restore, IActorRef observer, IActorRef journal, string streamScope)
    {
        _engine = restore is null ? new SpreadArbitrage(options) : SpreadArbitrage.Restore(options, restore);
        _observer = observer;
        _journal = journal;
        _stream = StreamOf(streamScope, options.Id);
        Receive<MarketDataProtocol.CandleBatch>(Handle);
        Receive<MarketDataProtocol.EndOfData>(_ => Handle());
        Receive<RiskProtocol.DataHealth>(Handle);
        Receive<SpreadProtocol.GetState>(_ => Sender.Tell(new SpreadProtocol.State(_engine.Export()), Self));
    }

    /// <summary>Returns the stream the events of the spread <paramref name="strategyId"/> go to under <paramref name="streamScope"/>.</summary>
    public static string StreamOf(string streamScope, string strategyId) => $"{streamScope}/spread/{strategyId}";

    /// <summary>
    /// Returns the props of the actor for a spread with <paramref name="options"/>, resumed from <paramref name="restore"/>
    /// (a checkpoint's engine state) when given; <paramref name="observer"/> receives the final report.
    /// </summary>
    public static Props Props(SpreadOptions options, SpreadState? restore, IActorRef observer, IActorRef journal, string streamScope)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Runtime.Props.Create(() => new SpreadArbitrageActor(options, restore, observer, journal, streamScope));
    }

    private void Handle(MarketDataProtocol.CandleBatch batch)
    {
        foreach (ref readonly var candle in batch.Candles.AsSpan())
        {
            _engine.OnCandle(in candle, _events);
        }

        Emit();
    }

    private void Handle()
    {
        if (++_ended < _engine.Options.Legs.Count)
        {
            return;
        }

        _engine.Flush(_events);
        Emit();
        _observer.Tell(new SpreadProtocol.Completed([.. _engine.Equity], [.. _engine.Trades], [.. _arbitrages], [.. _engine.Accounts], _engine.Counters, _engine.InitialEquity), Self);
    }

    private void Handle(RiskProtocol.DataHealth health)
    {
        if (health.Healthy)
        {
            _unhealthy.Remove(Sender);
        }
        else
        {
            _unhealthy.Add(Sender);
        }

        _engine.SetHalted(_unhealthy.Count > 0);
    }

    private void Emit()
    {
        if (_events.Count == 0)
        {
            return;
        }

        var events = _events.ToArray();
        _events.Clear();
        foreach (var e in events)
        {
            if (e is ArbitrageExecuted arbitrage)
            {
                _arbitrages.Add(arbitrage);
            }

            Context.System.EventStream.Publish(e);
        }

        _journal.Tell(new JournalProtocol.Append(_stream, ImmutableCollectionsMarshal.AsImmutableArray(events)), Self);
    }
}
