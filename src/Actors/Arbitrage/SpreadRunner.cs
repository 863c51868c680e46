using ActorArb.Actors.MarketData;
using ActorArb.Actors.Persistence;
using ActorArb.Actors.Replay;
using ActorArb.Actors.Replay.Sources;
using ActorArb.Actors.Runtime;
using ActorArb.Domain.Metrics;
using ActorArb.Domain.Time;

namespace ActorArb.Actors.Arbitrage;

/// <summary>
/// Replays a <see cref="SpreadPlan"/> on the deterministic dispatcher through the same actors a live spread runs:
/// the legs' sources merged in time order → one candle aggregator per leg → the spread arbitrage actor, every event
/// appended to the event store. The same plan gives the same outcome, bit for bit.
/// </summary>
public static class SpreadRunner
{
    /// <summary>
    /// Runs <paramref name="plan"/> to the end of every source and returns the outcome. Events go to
    /// <paramref name="store"/> (a fresh in-memory store when null); <paramref name="progress"/> is called after every
    /// turn of the merged source on the replay thread.
    /// </summary>
    /// <exception cref="ReplayFailedException">A source stopped at a bad row (policy <c>stop</c>).</exception>
    /// <exception cref="InvalidOperationException">No bar was evaluated: the legs' data never overlapped at the spread's timeframe.</exception>
    public static Task<SpreadOutcome> RunAsync(SpreadPlan plan, IEventStore? store = null, Action<ReplayProtocol.ReplayProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        plan.Spread.Validate();
        var legs = plan.Spread.Legs.Select(l => l.Instrument).ToList();
        if (plan.Sources.Count != legs.Count || !plan.Sources.All(s => legs.Contains(s.Instrument.Id)) || plan.Sources.DistinctBy(s => s.Instrument.Id).Count() != legs.Count)
        {
            throw new ArgumentException($"a spread replay needs one source per leg ({string.Join(", ", legs)}), got {string.Join(", ", plan.Sources.Select(s => s.Instrument.Id))}", nameof(plan));
        }

        return RunCoreAsync(plan, store, progress);
    }

    private static async Task<SpreadOutcome> RunCoreAsync(SpreadPlan plan, IEventStore? store, Action<ReplayProtocol.ReplayProgress>? progress)
    {
        var clock = new ManualClock();
        store ??= new InMemoryEventStore(clock);
        var sources = plan.Sources.Select(s => s.Open()).ToList();
        var recording = new BacktestRecording();
        var system = ActorSystem.CreateDeterministic("spread", clock);
        await using (system.ConfigureAwait(false))
        {
            var scope = plan.RunId;
            var observer = system.ActorOf(BacktestObserverActor.Props(recording, clock, progress), "observer");
            var journal = system.ActorOf(EventJournalActor.Props(store, system.Name, JournalStart.FromBeginning), "journal");
            var spread = system.ActorOf(SpreadArbitrageActor.Props(plan.Spread, null, observer, journal, scope), "spread");
            var lanes = new List<(HistoricalSource, IActorRef)>();
            for (var i = 0; i < plan.Sources.Count; i++)
            {
                var leg = plan.Sources[i];
                var name = "candles-" + CandleAggregatorActor.NameOf(leg.Instrument.Id);
                lanes.Add((sources[i], system.ActorOf(CandleAggregatorActor.Props(leg.Instrument, leg.BaseTimeframe, plan.Candles, spread, journal, scope), name)));
            }

            var reader = system.ActorOf(MergedSourceActor.Props(lanes, observer, plan.BatchSize), "source");
            reader.Tell(new ReplayProtocol.StartReplay());
            var dispatcher = system.Deterministic!;
            dispatcher.RunUntilIdle();
            journal.Tell(new JournalProtocol.Flush(), observer);
            dispatcher.RunUntilIdle();
            if (recording.Failure is { } failure)
            {
                throw new ReplayFailedException(failure);
            }

            var done = recording.Spread ?? throw new InvalidOperationException("the replay ended without the spread's final report");
            if (done.Equity.Count == 0)
            {
                throw new InvalidOperationException($"the spread evaluated no {plan.Spread.Timeframe} bar: the legs' data ({string.Join(", ", sources.Select(s => s.Description))}) never overlapped");
            }

            return new SpreadOutcome(
                plan.RunId,
                plan.Spread,
                [.. sources.Select(s => (s.Description, s.Quality))],
                done.Equity,
                done.Trades,
                done.Arbitrages,
                done.Accounts,
                done.Counters,
                done.InitialEquity,
                PerformanceMetrics.Compute(done.Equity, done.Trades, done.InitialEquity, plan.Spread.Timeframe.Ms),
                recording.Flushed?.EventsWritten ?? 0,
                dispatcher.Processed);
        }
    }
}
