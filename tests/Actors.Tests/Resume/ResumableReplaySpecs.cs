using ActorArb.Actors.Persistence;
using ActorArb.Actors.Replay;
using ActorArb.Domain.Time;

namespace ActorArb.Actors.Tests.Resume;

/// <summary>
/// A replay that checkpoints itself and is cut short must, when resumed, end with the outcome and the stored
/// events of an uninterrupted run. The crash is reproduced in the store: the checkpoint stream cut after checkpoint
/// m, and every other stream cut somewhere after what checkpoint m recorded (the events a process writes between a
/// checkpoint and its death).
/// </summary>
public sealed class ResumableReplaySpecs
{
    private const int Every = 3;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Resumed_replay_should_equal_an_uninterrupted_one_when_resumed_from_any_checkpoint(bool swing)
    {
        var complete = new InMemoryEventStore(new ManualClock());
        var expected = await BacktestRunner.RunAsync(ResumePlans.Plan("run", 30, swing), complete, checkpoints: new ReplayCheckpoints(Every, Resume: false));
        var checkpoints = await Checkpoints(complete);
        Assert.True(expected.Trades.Count > 2, "the premise: the run trades");
        Assert.True(checkpoints.Count >= 4, $"the premise: several checkpoints, got {checkpoints.Count}");
        Assert.NotEmpty(expected.RegimeChanges);
        Assert.NotEmpty(expected.RiskEvents);

        foreach (var m in new[] { 1, checkpoints.Count / 2, checkpoints.Count })
        {
            var crashed = await CrashedAfter(complete, checkpoints[m - 1], m);
            var resumed = await BacktestRunner.RunAsync(ResumePlans.Plan("run", 30, swing), crashed, checkpoints: new ReplayCheckpoints(Every, Resume: true));

            ResumePlans.AssertSameOutcome(expected, resumed);
            await ResumePlans.AssertSameEventsAsync(complete, crashed);
        }
    }

    [Fact]
    public async Task Checkpointed_replay_should_equal_a_plain_one_when_orders_fill_on_the_bar_that_decided_them()
    {
        var plain = await BacktestRunner.RunAsync(ResumePlans.Plan("run", 12, swing: false));
        var checkpointed = await BacktestRunner.RunAsync(ResumePlans.Plan("run", 12, swing: false), checkpoints: new ReplayCheckpoints(Every, Resume: false));

        Assert.Equal(plain.Equity, checkpointed.Equity);
        Assert.Equal(plain.Trades, checkpointed.Trades);
        Assert.Equal(plain.Fills, checkpointed.Fills);
        Assert.Equal(plain.RiskEvents, checkpointed.RiskEvents);
    }

    [Fact]
    public async Task Resume_should_start_from_the_beginning_when_the_run_has_no_checkpoint()
    {
        var expected = await BacktestRunner.RunAsync(ResumePlans.Plan("run", 3, swing: true), checkpoints: new ReplayCheckpoints(Every, Resume: false));
        var store = new InMemoryEventStore(new ManualClock());

        var resumed = await BacktestRunner.RunAsync(ResumePlans.Plan("run", 3, swing: true), store, checkpoints: new ReplayCheckpoints(Every, Resume: true));

        ResumePlans.AssertSameOutcome(expected, resumed);
    }

    private static async Task<List<ReplayCheckpoint>> Checkpoints(IEventStore store)
    {
        var list = new List<ReplayCheckpoint>();
        await foreach (var e in store.ReadStreamAsync(ReplayCheckpoints.StreamOf("run")))
        {
            list.Add((ReplayCheckpoint)e.Payload);
        }

        return list;
    }

    /// <summary>
    /// Returns a store holding what a process killed after checkpoint <paramref name="m"/> may have left: the first m
    /// checkpoints and, of every other stream, the events up to the checkpoint plus half of those written until the next.
    /// </summary>
    private static async Task<InMemoryEventStore> CrashedAfter(IEventStore complete, ReplayCheckpoint checkpoint, int m)
    {
        var at = checkpoint.Streams.ToDictionary(s => s.StreamId, s => s.Sequence, StringComparer.Ordinal);
        var streams = await ResumePlans.StreamsAsync(complete);
        var crashed = new InMemoryEventStore(new ManualClock());
        await foreach (var e in complete.ReadAllAsync())
        {
            var keep = e.StreamId == ReplayCheckpoints.StreamOf("run")
                ? e.Version <= m
                : e.Version <= at.GetValueOrDefault(e.StreamId) + ((streams[e.StreamId].Count - at.GetValueOrDefault(e.StreamId)) / 4);
            if (keep)
            {
                await crashed.AppendAsync(e.StreamId, ExpectedVersion.Any, [new EventData(e.EventId, e.Type, e.Payload, e.Metadata)]);
            }
        }

        return crashed;
    }
}
