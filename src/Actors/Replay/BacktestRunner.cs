using ActorArb.Actors.Execution;
using ActorArb.Actors.MarketData;
using ActorArb.Actors.Persistence;
using ActorArb.Actors.Portfolio;
using ActorArb.Actors.Regimes;
using ActorArb.Actors.Risk;
using ActorArb.Actors.Runtime;
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
public static class BacktestRunner
{
    /// <summary>
    /// Runs <paramref name="plan"/> to the end of its data and returns the outcome. Events go to
    /// <paramref name="store"/> (a fresh in-memory store when null); <paramref name="progress"/> is called after
    /// every source batch on the replay thread.
    /// </summary>
    /// <exception cref="ReplayFailedException">The source stopped at a bad row (policy <c>stop</c>).</exception>
    public static async Task<BacktestOutcome> RunAsync(BacktestPlan plan, IEventStore? store = null, Action<ReplayProtocol.ReplayProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var clock = new ManualClock();
        store ??= new InMemoryEventStore(clock);
        var source = plan.OpenSource();
        var recording = new BacktestRecording();
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
            var journal = system.ActorOf(EventJournalActor.Props(store, system.Name), "journal");
            var portfolio = system.ActorOf(PortfolioActor.Props(instrument, plan.InitialCash, plan.BaseTimeframe, plan.StrategyTimeframe, observer, journal, scope), "portfolio");
            var execution = system.ActorOf(ExecutionActor.Props(instrument, plan.Fills, plan.BaseTimeframe, portfolio, journal, scope), "execution");
            var risk = system.ActorOf(RiskManagerActor.Props(plan.Risk, instrument, plan.BaseTimeframe, plan.InitialCash, execution, journal, scope), "risk");
            var strategy = system.ActorOf(StrategyActor.Props(plan.CreateStrategy(), plan.InitialCash, risk, journal, scope), "strategy");
            var regime = system.ActorOf(RegimeDetectorActor.Props(instrument, plan.Regime, plan.RegimeTimeframe, strategy, journal, scope), "regime");
            var aggregator = system.ActorOf(CandleAggregatorActor.Props(instrument, plan.BaseTimeframe, plan.Candles, regime, journal, scope), "candles");
            var reader = system.ActorOf(HistoricalSourceActor.Props(source, aggregator, observer, plan.BatchSize), "source");
            portfolio.Tell(new PortfolioProtocol.RegisterFeedback(strategy, risk));
            reader.Tell(new ReplayProtocol.StartReplay());
            var dispatcher = system.Deterministic!;
            dispatcher.RunUntilIdle();
            journal.Tell(new JournalProtocol.Flush(), observer);
            dispatcher.RunUntilIdle();

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
                recording.Flushed?.EventsWritten ?? 0,
                dispatcher.Processed);
        }
    }
}
