using ActorArb.Actors.Persistence;
using ActorArb.Actors.Persistence.Projections;
using ActorArb.Actors.Tests.Persistence.Postgres;
using ActorArb.Domain.Market;
using static ActorArb.Actors.Tests.Persistence.Projections.ProjectionFixtures;

namespace ActorArb.Actors.Tests.Persistence.Projections;

/// <summary>Running projections: interruptions mid-batch, live following, failures, concurrent runners.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ProjectionRunnerSpecs(PostgresServer server)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ProjectionRunner_should_resume_without_loss_when_cancelled_in_the_middle_of_a_batch()
    {
        var store = await NewStoreAsync(server, "run_cancel");
        var minutes = Minutes(Btc, 5_000, seed: 5);
        await store.BulkAppendAsync("s", ExpectedVersion.NoStream, Closed("s", minutes.Concat(Hours(minutes))));
        using var kill = new CancellationTokenSource();
        var interrupted = new InterruptedProjection(new CandleProjection(), failOn: 3, token =>
        {
            kill.Cancel();
            token.ThrowIfCancellationRequested();
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Runner(store, interrupted, batchSize: 400).CatchUpAsync(kill.Token));

        // The third batch wrote its rows and was rolled back: the table holds exactly the two committed batches.
        var committed = await Runner(store, new CandleProjection()).ReadPositionAsync(CandleProjection.ProjectionName);
        Assert.Equal(interrupted.BatchEnds[1], committed);
        Assert.Equal(await ExpectedCandlesAsync(store, upTo: committed), await ReadCandlesAsync(store));

        await Runner(store, new CandleProjection(), batchSize: 400).CatchUpAsync();
        Assert.Equal(await ExpectedCandlesAsync(store), await ReadCandlesAsync(store));
        Assert.Equal(5_084, (await ReadCandlesAsync(store)).Count);
        Assert.Equal(0, await LeftoverSubscribersAsync(store));
    }

    [Fact]
    public async Task ProjectionRunner_should_fault_with_the_failure_and_resume_without_loss_when_a_batch_throws()
    {
        var store = await NewStoreAsync(server, "run_crash");
        var minutes = Minutes(Btc, 3_000, seed: 6);
        await store.BulkAppendAsync("s", ExpectedVersion.NoStream, Closed("s", minutes));
        var crashing = new InterruptedProjection(new CandleProjection(), failOn: 2, _ => throw new InvalidOperationException("crash mid-batch"));
        var runner = new ProjectionRunner(store, [crashing, new OrdersProjection()], batchSize: 500);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => runner.CatchUpAsync().WaitAsync(Patience));
        Assert.Equal("crash mid-batch", error.Message);
        Assert.Equal(crashing.BatchEnds[0], await runner.ReadPositionAsync(CandleProjection.ProjectionName));
        Assert.Equal(await ExpectedCandlesAsync(store, upTo: crashing.BatchEnds[0]), await ReadCandlesAsync(store));

        await Runner(store, new CandleProjection()).CatchUpAsync();
        Assert.Equal(Sorted(minutes), await ReadCandlesAsync(store));
    }

    [Fact]
    public async Task RunAsync_should_follow_events_appended_while_it_runs_and_complete_when_cancelled()
    {
        var store = await NewStoreAsync(server, "run_live");
        var minutes = Minutes(Btc, 120, seed: 7);
        await store.AppendAsync("live", ExpectedVersion.NoStream, Closed("live", minutes.Take(20)));
        var runner = new ProjectionRunner(store, [new CandleProjection(), new OrdersProjection()]);
        using var stop = new CancellationTokenSource();
        var running = runner.RunAsync(stop.Token);

        for (var i = 20; i < 120; i += 10)
        {
            await store.AppendAsync("live", i, Closed("live", minutes.Skip(i).Take(10), firstSequence: i + 1));
        }

        var head = await HeadAsync(store);
        using var deadline = new CancellationTokenSource(Patience);
        while (await runner.ReadPositionAsync(CandleProjection.ProjectionName) < head)
        {
            Assert.False(running.IsCompleted, "the run ended before it was cancelled");
            await Task.Delay(20, deadline.Token);
        }

        await stop.CancelAsync();
        await running.WaitAsync(Patience);
        Assert.Equal(Sorted(minutes), await ReadCandlesAsync(store));
        Assert.Equal(head, await runner.ReadPositionAsync(OrdersProjection.ProjectionName));
        Assert.Equal(0, await LeftoverSubscribersAsync(store));
    }

    [Fact]
    public async Task ProjectionRunner_should_apply_each_fill_once_when_two_runners_catch_up_at_the_same_time()
    {
        var store = await NewStoreAsync(server, "run_twice");
        var events = new List<EventData>();
        for (var i = 1; i <= 2_000; i++)
        {
            events.Add(Event("bt/execution", i, OrdersProjectionSpecs.Fill(orderId: (i % 50) + 1, quantity: 1, fillPrice: 1, partial: true, timeMs: Start + i)));
        }

        await store.BulkAppendAsync("bt/execution", ExpectedVersion.NoStream, events);
        await Task.WhenAll(
            Runner(store, new OrdersProjection(), batchSize: 37).CatchUpAsync(),
            Runner(store, new OrdersProjection(), batchSize: 53).CatchUpAsync()).WaitAsync(Patience);

        Assert.Equal(2_000L, await Scalar(store, $"select count(*) from {store.Schema}.fills"));
        Assert.Equal(2_000.0, await Scalar(store, $"select sum(filled_quantity) from {store.Schema}.orders"));
        Assert.Equal(40.0, await Scalar(store, $"select min(filled_quantity) from {store.Schema}.orders"));
        Assert.Equal(await HeadAsync(store), await Runner(store, new OrdersProjection()).ReadPositionAsync(OrdersProjection.ProjectionName));
    }

    [Fact]
    public async Task CatchUpAsync_should_return_at_once_when_the_log_is_empty()
    {
        var store = await NewStoreAsync(server, "run_empty");
        var runner = Runner(store, new CandleProjection());

        await runner.CatchUpAsync().WaitAsync(Patience);

        Assert.Equal(0, await runner.ReadPositionAsync(CandleProjection.ProjectionName));
        Assert.Equal(0L, await Scalar(store, $"select count(*) from {store.Schema}.candles"));
    }

    [Fact]
    public async Task ProjectionRunner_should_refuse_no_projections_and_duplicate_names()
    {
        var store = await NewStoreAsync(server, "run_args");

        Assert.Throws<ArgumentException>(() => new ProjectionRunner(store, []));
        Assert.Throws<ArgumentException>(() => new ProjectionRunner(store, [new CandleProjection(), new CandleProjection()]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProjectionRunner(store, [new CandleProjection()], batchSize: 0));
    }

    [Fact]
    public async Task ReadPositionAsync_should_return_zero_for_a_projection_that_never_ran()
    {
        var store = await NewStoreAsync(server, "run_never");
        await store.AppendAsync("s", ExpectedVersion.NoStream, Closed("s", Minutes(Btc, 1, seed: 8)));

        Assert.Equal(0, await Runner(store, new CandleProjection()).ReadPositionAsync(CandleProjection.ProjectionName));
        Assert.Equal(0, await Runner(store, new CandleProjection()).ReadPositionAsync("no-such-projection"));
        await Runner(store, new CandleProjection()).CatchUpAsync();
        Assert.Equal(0, await Runner(store, new CandleProjection()).ReadPositionAsync(OrdersProjection.ProjectionName));
        Assert.Equal(Minutes(Btc, 1, seed: 8), await ReadCandlesAsync(store));
    }
}
