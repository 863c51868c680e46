using System.Runtime.InteropServices;
using ActorArb.Actors.Optimization.Cuda;
using ActorArb.Domain.Optimization;

namespace ActorArb.Actors.Tests.Optimization.Cuda;

/// <summary>
/// The GPU worker: a clean fallback where there is no driver or device (every machine without a GPU runs these), and
/// where there is one, results equal to <see cref="ThresholdReference"/> bit for bit. Device specs skip without a GPU.
/// </summary>
public sealed partial class CudaThresholdWorkerSpecs(CudaWorkerFixture fixture) : IClassFixture<CudaWorkerFixture>
{
    private static readonly ThresholdCosts Costs = new(fee: 0.001, slippage: 0.0005);

    [SkippableFact]
    public void TryCreate_should_return_false_and_name_the_missing_driver_when_libcuda_is_absent()
    {
        Skip.If(NativeLibrary.TryLoad("libcuda.so.1", out _), "libcuda.so.1 is present on this machine");

        var created = CudaThresholdWorker.TryCreate(out var worker, out var reason);

        Assert.False(created);
        Assert.Null(worker);
        Assert.Equal("no CUDA driver (libcuda.so.1 not found)", reason);
    }

    [Fact]
    public void TryCreate_should_give_a_one_line_reason_either_way_without_throwing()
    {
        var created = CudaThresholdWorker.TryCreate(out var worker, out var reason);
        using (worker)
        {
            Assert.Equal(created, worker is not null);
            Assert.False(string.IsNullOrWhiteSpace(reason));
            Assert.DoesNotContain('\n', reason);
        }
    }

    [SkippableFact]
    public void TryCreate_should_describe_the_device_when_a_gpu_is_present()
    {
        var worker = fixture.Require();

        Assert.False(string.IsNullOrWhiteSpace(worker.DeviceName));
        Assert.StartsWith(worker.DeviceName + " (compute capability ", fixture.Reason, StringComparison.Ordinal);
        Assert.Equal(fixture.Reason, worker.Description);
    }

    [SkippableFact]
    public void Evaluate_should_equal_the_reference_bit_for_bit_on_random_grids_over_several_series()
    {
        var worker = fixture.Require();
        (string Name, double[] Closes)[] series =
        [
            ("peg", ThresholdSeries.Peg(seed: 1, bars: 50_000)),
            ("wide", ThresholdSeries.Wide(seed: 2, bars: 30_000)),
            ("hostile", ThresholdSeries.Hostile(seed: 3, bars: 20_000)),
            ("short", ThresholdSeries.Peg(seed: 4, bars: 3)),
        ];

        foreach (var (name, closes) in series)
        {
            var (buys, sells) = ThresholdSeries.Grid(closes, count: 1_500, seed: name.Length);
            AssertEqualToReference(worker, closes, buys, sells, Costs, name);
        }
    }

    [SkippableFact]
    public void Evaluate_should_equal_the_reference_on_the_expected_file()
    {
        var worker = fixture.Require();
        var closes = ExpectedFile.ClosesOrSkip();
        var (buys, sells) = ThresholdSeries.Grid(closes, count: 400, seed: 5);

        AssertEqualToReference(worker, closes, buys, sells, ExpectedFile.Costs, "EXPECTED.md's file");
    }

    [SkippableFact]
    public void Evaluate_should_reproduce_the_known_answers_of_the_expected_file_over_its_whole_grid()
    {
        var worker = fixture.Require();
        var closes = ExpectedFile.ClosesOrSkip();
        var (buys, sells) = ExpectedFile.Grid();
        var results = new ThresholdRun[buys.Length];

        worker.Evaluate(closes, buys, sells, ExpectedFile.Costs, results);

        var best = 0;
        for (var i = 1; i < results.Length; i++)
        {
            best = results[i].FinalEquity > results[best].FinalEquity ? i : best;
        }

        Assert.Equal((0.9973, 1.0021), (buys[best], sells[best]));
        Assert.Equal(new ThresholdRun(1.2691373509470525, 84, 0.008888445021472185), results[best]);
        Assert.Equal(9_000, results.Count(run => run.Trades > 0));
        Assert.Equal(257_769, results.Sum(run => (long)run.Trades));
        Assert.Equal(10585.1123095767, results.Sum(run => run.FinalEquity), 1e-9);
        Assert.Equal(142.4451237591, results.Sum(run => run.MaxDrawdown), 1e-9);
    }

    private static void AssertEqualToReference(CudaThresholdWorker worker, double[] closes, double[] buys, double[] sells, ThresholdCosts costs, string series)
    {
        var results = new ThresholdRun[buys.Length];
        worker.Evaluate(closes, buys, sells, costs, results);

        for (var i = 0; i < buys.Length; i++)
        {
            var expected = ThresholdReference.Run(closes, buys[i], sells[i], costs);
            Assert.True(
                SameBits(expected, results[i]),
                $"{series}, combination {i} (buy {buys[i]:R}, sell {sells[i]:R}): reference {expected}, GPU {results[i]}");
        }
    }

    private static bool SameBits(ThresholdRun a, ThresholdRun b) =>
        BitConverter.DoubleToInt64Bits(a.FinalEquity) == BitConverter.DoubleToInt64Bits(b.FinalEquity)
        && a.Trades == b.Trades
        && BitConverter.DoubleToInt64Bits(a.MaxDrawdown) == BitConverter.DoubleToInt64Bits(b.MaxDrawdown);
}
