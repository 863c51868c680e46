using System.Collections.Immutable;
using ActorArb.Actors.Execution;
using ActorArb.Actors.MarketData;
using ActorArb.Actors.Persistence;
using ActorArb.Actors.Portfolio;
using ActorArb.Actors.Regimes;
using ActorArb.Actors.Risk;
using ActorArb.Actors.Runtime;
using ActorArb.Actors.Strategies;
using ActorArb.Domain.Events;

namespace ActorArb.Actors.Replay;

/// <summary>
/// Resumable replays: quiescent checkpoints. Every few source batches the source pauses and the dispatcher runs
/// until nothing is in flight, so the states the stages report form a consistent cut with no message on any
/// channel (feedback loops included); the cut is appended to the run's checkpoint stream as one event. A resumed
/// run restores the stages after the regime detector from the latest cut, re-runs the source, aggregator and
/// detector from the start (a pure pipeline, so they re-produce the same messages and the same event ids), drops
/// what the gate counted before the cut, and from the cut on runs exactly as the uninterrupted run did.
/// </summary>
public static partial class BacktestRunner
{
    /// <summary>
    /// Runs the replay, checkpointing whenever the source pauses, and returns the messages the chain handled, checkpoint
    /// work excluded, so a resumed run reports what an uninterrupted one does.
    /// </summary>
    private static long RunWithCheckpoints(DeterministicDispatcher dispatcher, IActorRef reader, Chain chain, BacktestRecording recording, string runId, Resume? resume)
    {
        var handledByChain = 0L;
        var counting = resume is null;
        var number = resume?.Last.Number ?? 0;
        var exported = (Regimes: recording.RegimeChanges.Count, Rejections: recording.Rejections.Count, Halts: recording.RiskEvents.Count);
        while (true)
        {
            var handled = dispatcher.RunUntilIdle();
            handledByChain += counting ? handled : 0;
            if (recording.Paused is not { } paused)
            {
                return handledByChain;
            }

            recording.Paused = null;
            if (resume is not null && paused.Batches == resume.Last.Batches)
            {
                // The cut: from here on this run handles exactly what the uninterrupted run handled after it.
                counting = true;
                handledByChain = resume.Last.ChainMessages;
            }
            else if (paused.Batches > (resume?.Last.Batches ?? 0))
            {
                number++;
                recording.States.Clear();
                var take = new TakeCheckpoint(chain.Observer);
                foreach (var stage in new[] { chain.Gate, chain.Strategy, chain.Risk, chain.Execution, chain.Portfolio })
                {
                    stage.Tell(take);
                }

                var stream = ReplayCheckpoints.StreamOf(runId);
                chain.Journal.Tell(new JournalProtocol.GetSequences(), chain.Observer);
                chain.AskStatus();
                dispatcher.RunUntilIdle();
                var checkpoint = new ReplayCheckpoint(
                    paused.LastTimeMs,
                    number,
                    paused.Batches,
                    State<ReplayGate.Passed>(recording).Count,
                    handledByChain,
                    Streams(recording, stream),
                    State<StrategyProtocol.State>(recording),
                    State<RiskProtocol.State>(recording),
                    State<ExecutionProtocol.State>(recording),
                    State<PortfolioProtocol.State>(recording),
                    [.. recording.RegimeChanges.Skip(exported.Regimes)],
                    [.. recording.Rejections.Skip(exported.Rejections)],
                    [.. recording.RiskEvents.Skip(exported.Halts).Select(ReplayCheckpoint.Halt.Of)]);
                exported = (recording.RegimeChanges.Count, recording.Rejections.Count, recording.RiskEvents.Count);
                chain.Journal.Tell(new JournalProtocol.Append(stream, [checkpoint]));
                chain.Journal.Tell(new JournalProtocol.Flush(), chain.Observer);
                dispatcher.RunUntilIdle();
            }

            reader.Tell(new ReplayProtocol.ContinueReplay());
        }
    }

    private static T State<T>(BacktestRecording recording) =>
        recording.States.OfType<T>().Single();

    /// <summary>Returns what run <paramref name="runId"/> resumes from: its checkpoints merged, or null when it has none.</summary>
    private static async Task<Resume?> LoadAsync(IEventStore store, string runId)
    {
        var all = new List<ReplayCheckpoint>();
        await foreach (var e in store.ReadStreamAsync(ReplayCheckpoints.StreamOf(runId)).ConfigureAwait(false))
        {
            all.Add(e.Payload as ReplayCheckpoint ?? throw new InvalidOperationException($"checkpoint {e.Version} of run {runId} is a {e.Type}, not a {nameof(ReplayCheckpoint)}"));
        }

        return all.Count == 0 ? null : new Resume(all);
    }

    /// <summary>The latest checkpoint of a run, with the lists that only grow merged from all of them.</summary>
    private sealed class Resume
    {
        public Resume(List<ReplayCheckpoint> all)
        {
            Last = all[^1];
            var p = Last.Portfolio;
            Portfolio = p with
            {
                EquityFrom = 0,
                Equity = [.. all.SelectMany(c => c.Portfolio.Equity)],
                Marks = [.. all.SelectMany(c => c.Portfolio.Marks)],
                FillsFrom = 0,
                Fills = [.. all.SelectMany(c => c.Portfolio.Fills)],
            };
            RegimeChanges = [.. all.SelectMany(c => c.RegimeChanges)];
            Rejections = [.. all.SelectMany(c => c.Rejections)];
            Halts = [.. all.SelectMany(c => c.Halts).Select(h => h.ToEvent())];
        }

        public ReplayCheckpoint Last { get; }

        /// <summary>Gets the version of every stream at the cut, where the stages restored from it continue.</summary>
        public ImmutableDictionary<string, long> Versions => Last.Streams.ToImmutableDictionary(s => s.StreamId, s => s.Sequence, StringComparer.Ordinal);

        public PortfolioProtocol.State Portfolio { get; }

        private List<RegimeChanged> RegimeChanges { get; }

        private List<OrderRejected> Rejections { get; }

        private List<IDomainEvent> Halts { get; }

        public void Prefill(BacktestRecording recording)
        {
            recording.RegimeChanges.AddRange(RegimeChanges);
            recording.Rejections.AddRange(Rejections);
            recording.RiskEvents.AddRange(Halts);
            recording.SkipRegimeChanges = RegimeChanges.Count;
        }

        /// <summary>
        /// Returns where the journal starts each stream: the candle and regime streams start over, their events up to
        /// the checkpoint known to be stored, and the checkpoint stream continues. The stages write their own streams.
        /// </summary>
        public JournalStart JournalStart(BacktestPlan plan)
        {
            var checkpoints = ReplayCheckpoints.StreamOf(plan.RunId);
            return new JournalStart(
                ImmutableDictionary<string, long>.Empty.WithComparers(StringComparer.Ordinal).Add(checkpoints, Last.Number),
                Versions.SetItem(checkpoints, Last.Number));
        }
    }
}
