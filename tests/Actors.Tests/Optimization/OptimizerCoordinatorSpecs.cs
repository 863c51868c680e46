using ActorArb.Actors.Optimization;
using ActorArb.Actors.Runtime;
using ActorArb.Actors.Runtime.Testing;
using ActorArb.Domain.Optimization;

namespace ActorArb.Actors.Tests.Optimization;

public sealed class OptimizerCoordinatorSpecs
{
    private static readonly ThresholdCosts Costs = new(0.001, 0.0002);

    [Fact]
    public async Task Optimizer_should_give_every_combination_the_result_of_the_kernel()
    {
        var grid = Grid(out var series);
        var progress = new List<int>();
        var finished = await ThresholdOptimizer.RunAsync(grid, 2, null, p => progress.Add(p.Done), CancellationToken.None);

        Assert.False(finished.Cancelled);
        Assert.All(finished.Done, Assert.True);
        for (var i = 0; i < grid.Count; i++)
        {
            Assert.Equal(ThresholdReference.Run(series.Closes, series.PriceOf(grid.BuyTicks[i]), series.PriceOf(grid.SellTicks[i]), Costs).FinalEquity, finished.Results[i].FinalEquity);
        }

        Assert.Equal(grid.Count, progress[^1]);
        Assert.Equal(progress.Order(), progress);
        Assert.Equal(grid.Count, finished.ByWorker.Values.Sum());
    }

    [Fact]
    public async Task Optimizer_should_move_the_chunks_of_a_failing_pool_to_the_others()
    {
        var grid = Grid(out _);
        var system = ActorSystem.Create("opt-test");
        await using (system)
        {
            var good = system.ActorOf(GridWorkerActor<ThresholdCombos, ThresholdRun>.Props(new CpuThresholdEvaluator()), "good");
            var bad = system.ActorOf(GridWorkerActor<ThresholdCombos, ThresholdRun>.Props(new FailingEvaluator()), "bad");
            var probe = new TestProbe(system, "probe");
            system.ActorOf(OptimizerCoordinator<ThresholdCombos, ThresholdRun>.Props(grid, [new WorkerPool("bad", bad, 500, 2), new WorkerPool("cpu", good, 64, 2)], probe), "coordinator");

            var finished = probe.FishForMessage<OptimizerProtocol.Finished<ThresholdRun>>(_ => true, TimeSpan.FromSeconds(30));
            Assert.All(finished.Done, Assert.True);
            Assert.Equal(grid.Count, finished.ByWorker["cpu-" + ExactThresholdKernel.SimdPath]);
            Assert.False(finished.ByWorker.ContainsKey("broken"));
        }
    }

    [Fact]
    public async Task Optimizer_should_report_failure_when_every_pool_fails()
    {
        var grid = Grid(out _);
        var system = ActorSystem.Create("opt-fail");
        await using (system)
        {
            var bad = system.ActorOf(GridWorkerActor<ThresholdCombos, ThresholdRun>.Props(new FailingEvaluator()), "bad");
            var probe = new TestProbe(system, "probe");
            system.ActorOf(OptimizerCoordinator<ThresholdCombos, ThresholdRun>.Props(grid, [new WorkerPool("bad", bad, 100, 1)], probe), "coordinator");

            var failed = probe.FishForMessage<OptimizerProtocol.Failed>(_ => true, TimeSpan.FromSeconds(30));
            Assert.Contains("broken: device lost", failed.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Optimizer_should_finish_with_what_is_done_when_cancelled()
    {
        var grid = Grid(out _);
        using var cancel = new CancellationTokenSource();
        var finished = await ThresholdOptimizer.RunAsync(grid, 1, null, p =>
        {
            if (p.Done >= 128)
            {
                cancel.Cancel();
            }
        }, cancel.Token);

        Assert.True(finished.Cancelled);
        var done = finished.Done.Count(d => d);
        Assert.InRange(done, 128, grid.Count - 1);
        Assert.Equal(done, finished.ByWorker.Values.Sum());
    }

    private static ThresholdCombos Grid(out TickSeries series)
    {
        var random = new Random(5);
        var closes = new List<double>();
        var tick = 10_000;
        for (var i = 0; i < 20_000; i++)
        {
            tick = Math.Clamp(tick + random.Next(-3, 4), 9_900, 10_100);
            closes.Add(tick / 10_000.0);
        }

        series = new TickSeries(closes, 4);
        var buys = Enumerable.Range(9_950, 40).ToArray();
        var sells = Enumerable.Range(10_001, 40).ToArray();
        return new ThresholdCombos(series, new ExactThresholdKernel(series), buys, sells, Costs);
    }

    private sealed class FailingEvaluator : IGridEvaluator<ThresholdCombos, ThresholdRun>
    {
        public string Name => "broken";

        public void Evaluate(ThresholdCombos grid, int offset, Span<ThresholdRun> results) => throw new InvalidOperationException("device lost");
    }
}
