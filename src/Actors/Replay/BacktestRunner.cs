using System.Collections.Immutable;
using ActorArb.Actors.Execution;
using ActorArb.Actors.MarketData;
using ActorArb.Actors.Persistence;
using ActorArb.Actors.Portfolio;
using ActorArb.Actors.Regimes;
using ActorArb.Actors.Risk;
using ActorArb.Actors.Runtime;
using ActorArb.Actors.Runtime.Persistence;
using ActorArb.Actors.Strategies;
using ActorArb.Domain.Events;
using ActorArb.Domain.Metrics;
using ActorArb.Domain.Time;

namespace ActorArb.Actors.Replay;

/// <summary>
/// Composes the trading chain for one instrument on the deterministic dispatcher and replays a plan through
/// it: source → candle aggregator → regime detector → strategy → risk manager → paper execution → portfolio,
/// every domain event appended to the event store. The same plan gives the same outcome, bit for bit.
/// </summary>
public static partial class BacktestRunner
{
    /// <summary>
    /// Runs <paramref name="plan"/> to the end of its data and returns the outcome. Events go to
    /// <paramref name="store"/> (a fresh in-memory store when null); <paramref name="progress"/> is called after
    /// every source batch on the replay thread. With <paramref name="checkpoints"/> the run checkpoints itself into
    /// the store and can resume from its latest checkpoint after a crash.
    /// </summary>
    /// <exception cref="ReplayFailedException">The source stopped at a bad row (policy <c>stop</c>).</exception>
    public static async Task<BacktestOutcome> RunAsync(BacktestPlan plan, IEventStore? store = null, Action<ReplayProtocol.ReplayProgress>? progress = null, ReplayCheckpoints? checkpoints = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var clock = new ManualClock();
        store ??= new InMemoryEventStore(clock);
        var resume = checkpoints is { Resume: true } ? await LoadAsync(store, plan.RunId).ConfigureAwait(false) : null;
        var source = plan.OpenSource();
        var recording = new BacktestRecording();
        resume?.Prefill(recording);
        var system = ActorSystem.CreateDeterministic("backtest", clock);
        await using (system.ConfigureAwait(false))
        {
            var observer = system.ActorOf(BacktestObserverActor.Props(recording, clock, progress), "observer");
            foreach (var channel in new[] { typeof(RegimeChanged), typeof(OrderRejected), typeof(TradingHalted), typeof(TradingResumed) })
            {
                system.EventStream.Subscribe(observer, channel);
            }

            var scope = plan.RunId;
            var instrument = plan.Instrument;
            var last = resume?.Last;
            var journal = system.ActorOf(EventJournalActor.Props(store, system.Name, resume?.JournalStart(plan) ?? JournalStart.FromBeginning), "journal");

            // The stages start where the checkpoint restores them (or fresh) and write their own streams from there.
            var stages = StagePersistence.Replay(store, resume?.Versions ?? ImmutableDictionary<string, long>.Empty);
            var portfolio = system.ActorOf(PortfolioActor.Props(instrument, plan.InitialCash, plan.BaseTimeframe, plan.StrategyTimeframe, observer, stages, scope, resume?.Portfolio), "portfolio");
            var execution = system.ActorOf(ExecutionActor.Props(instrument, plan.Fills, plan.BaseTimeframe, portfolio, stages, scope, last?.Execution), "execution");
            var risk = system.ActorOf(RiskManagerActor.Props(plan.Risk, instrument, plan.BaseTimeframe, plan.InitialCash, execution, stages, scope, last?.Risk), "risk");
            var strategy = system.ActorOf(StrategyActor.Props(plan.CreateStrategy(), plan.InitialCash, risk, stages, scope, last?.Strategy), "strategy");
            var gate = checkpoints is null ? null : system.ActorOf(ReplayGate.Props(strategy, last?.GateCount ?? 0), "gate");
            var regime = system.ActorOf(RegimeDetectorActor.Props(instrument, plan.Regime, plan.RegimeTimeframe, gate ?? strategy, journal, scope), "regime");
            var aggregator = system.ActorOf(CandleAggregatorActor.Props(instrument, plan.BaseTimeframe, plan.Candles, regime, journal, scope), "candles");
            var reader = system.ActorOf(HistoricalSourceActor.Props(source, aggregator, observer, plan.BatchSize, checkpoints?.EveryBatches ?? 0), "source");
            portfolio.Tell(new PortfolioProtocol.RegisterFeedback(strategy, risk));
            reader.Tell(new ReplayProtocol.StartReplay());
            var dispatcher = system.Deterministic!;
            var chain = new Chain(journal, observer, gate!, strategy, risk, execution, portfolio);
            var messages = checkpoints is null
                ? dispatcher.RunUntilIdle()
                : RunWithCheckpoints(dispatcher, reader, chain, recording, plan.RunId, resume);
            journal.Tell(new JournalProtocol.Flush(), observer);
            chain.AskStatus();
            if (checkpoints is not null)
            {
                journal.Tell(new JournalProtocol.GetSequences(), observer);
            }

            messages += dispatcher.RunUntilIdle();

            if (recording.Failure is { } failure)
            {
                throw new ReplayFailedException(failure);
            }

            var book = recording.Portfolio ?? throw new InvalidOperationException("the replay ended without the portfolio's final report");
            var completed = recording.Completed!;
            return new BacktestOutcome(
                plan.RunId,
                instrument,
                source.Description,
                completed.Quality,
                plan.InitialCash,
                book.Equity,
                book.Trades,
                book.Fills,
                recording.Rejections,
                recording.RegimeChanges,
                recording.RiskEvents,
                book.Marks,
                PerformanceMetrics.Compute(book.Equity, book.Trades, plan.InitialCash, plan.StrategyTimeframe.Ms),
                checkpoints is null
                    ? (recording.Flushed?.EventsWritten ?? 0) + recording.Stages.Values.Sum(s => s.Written)
                    : Streams(recording).Sum(s => s.Sequence),
                checkpoints is null ? dispatcher.Processed : messages);
        }
    }

    /// <summary>Returns the last sequence of every stream the run wrote, the journal's and the stages', but <paramref name="except"/>.</summary>
    private static ImmutableArray<JournalProtocol.StreamSequence> Streams(BacktestRecording recording, string? except = null) =>
    [
        .. recording.Sequences!.Streams
            .Concat(recording.Stages.Values.Select(s => new JournalProtocol.StreamSequence(s.PersistenceId, s.Version)))
            .Where(s => s.StreamId != except)
            .OrderBy(s => s.StreamId, StringComparer.Ordinal),
    ];

    /// <summary>The actors a checkpoint talks to.</summary>
    private sealed record Chain(IActorRef Journal, IActorRef Observer, IActorRef Gate, IActorRef Strategy, IActorRef Risk, IActorRef Execution, IActorRef Portfolio)
    {
        /// <summary>Asks the stages, which write their own streams, for their versions (answered to the observer).</summary>
        public void AskStatus()
        {
            foreach (var stage in new[] { Strategy, Risk, Execution, Portfolio })
            {
                stage.Tell(new PersistenceProtocol.GetStatus(), Observer);
            }
        }
    }
}
