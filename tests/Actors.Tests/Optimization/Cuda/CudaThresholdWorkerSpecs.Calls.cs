using ActorArb.Actors.Optimization.Cuda;
using ActorArb.Domain.Optimization;

namespace ActorArb.Actors.Tests.Optimization.Cuda;

/// <content>How the worker handles its calls: chunking, the closes cache, empty input, wrong lengths, disposal.</content>
public sealed partial class CudaThresholdWorkerSpecs
{
    [SkippableFact]
    public void Evaluate_should_split_a_grid_larger_than_the_chunk_size_into_launches()
    {
        var worker = fixture.Require();
        var closes = ThresholdSeries.Peg(seed: 6, bars: 20_000);
        var (buys, sells) = ThresholdSeries.Grid(closes, count: 2_345, seed: 6);
        worker.ChunkSize = 1_000;
        try
        {
            AssertEqualToReference(worker, closes, buys, sells, Costs, "chunks of 1,000");
        }
        finally
        {
            worker.ChunkSize = CudaThresholdWorker.DefaultChunkSize;
        }
    }

    [SkippableFact]
    public void Evaluate_should_upload_the_closes_again_when_a_call_passes_a_different_series()
    {
        var worker = fixture.Require();
        var first = ThresholdSeries.Peg(seed: 7, bars: 10_000);
        var second = (double[])first.Clone();
        second[5_000] = 0.95;
        var shorter = first[..6_000];
        var (buys, sells) = ThresholdSeries.Grid(first, count: 500, seed: 7);

        AssertEqualToReference(worker, first, buys, sells, Costs, "first");
        AssertEqualToReference(worker, second, buys, sells, Costs, "one close changed");
        AssertEqualToReference(worker, shorter, buys, sells, Costs, "a prefix");
        AssertEqualToReference(worker, first, buys, sells, Costs, "first again");
    }

    [SkippableFact]
    public void Evaluate_should_return_the_starting_state_for_an_empty_series_and_do_nothing_for_an_empty_grid()
    {
        var worker = fixture.Require();
        var results = new ThresholdRun[2];

        worker.Evaluate([], [0.99, 0.98], [1.01, 1.02], Costs, results);
        worker.Evaluate(ThresholdSeries.Peg(seed: 8, bars: 100), [], [], Costs, []);

        Assert.Equal([new ThresholdRun(1.0, 0, 0.0), new ThresholdRun(1.0, 0, 0.0)], results);
    }

    [SkippableFact]
    public void Evaluate_should_throw_when_the_grid_spans_differ_in_length()
    {
        var worker = fixture.Require();

        Assert.Throws<ArgumentException>(() => worker.Evaluate([1.0], [0.99, 0.98], [1.01], Costs, new ThresholdRun[2]));
        Assert.Throws<ArgumentException>(() => worker.Evaluate([1.0], [0.99], [1.01], Costs, new ThresholdRun[2]));
    }

    [SkippableFact]
    public void Evaluate_should_throw_once_the_worker_is_disposed()
    {
        fixture.Require();
        Assert.True(CudaThresholdWorker.TryCreate(out var worker, out var reason), reason);

        worker.Dispose();
        worker.Dispose();

        Assert.Throws<ObjectDisposedException>(() => worker.Evaluate([1.0], [0.99], [1.01], Costs, new ThresholdRun[1]));
    }
}
