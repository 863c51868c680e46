using System.Globalization;
using System.Text;
using ActorArb.Actors.Optimization.Cuda;

namespace ActorArb.Actors.Tests.Optimization.Cuda;

/// <summary>
/// The published GPU check (<c>tools/GpuCheck</c>): it publishes trimmed without warnings, keeps the kernel, falls
/// back with a clear message and exit code 3 where there is no GPU, and reads the expected file to its known answer.
/// </summary>
public sealed class GpuCheckToolSpecs(PublishedGpuCheck tool, CudaWorkerFixture gpu, FakeCudaDriver fake)
    : IClassFixture<PublishedGpuCheck>, IClassFixture<CudaWorkerFixture>, IClassFixture<FakeCudaDriver>
{
    // A grid small enough for a second of CPU reference on two cores.
    private static readonly string[] SmallGrid = ["--bars", "20000", "--buy", "0.9950:0.9999:0.0005", "--sell", "1.0001:1.0050:0.0005", "--repeats", "1"];

    [Fact]
    public void Publish_should_succeed_without_trim_warnings()
    {
        Assert.True(tool.Publish.ExitCode == 0, tool.Publish.ToString());
        Assert.DoesNotMatch(@"warning [A-Z]+\d+", tool.Publish.Output);
    }

    [Fact]
    public void Published_file_should_carry_the_kernel_ptx_through_trimming()
    {
        Assert.True(File.Exists(tool.Executable), tool.Publish.ToString());
        var entry = Encoding.ASCII.GetBytes($".visible .entry {ThresholdGridPtx.EntryName}(");

        Assert.True(File.ReadAllBytes(tool.Executable).AsSpan().IndexOf(entry) >= 0, "the published file lacks the kernel's PTX");
    }

    [SkippableFact]
    public void Published_tool_should_exit_3_with_the_fallback_message_when_there_is_no_gpu()
    {
        Skip.If(gpu.HasDevice, $"this machine has a GPU: {gpu.Reason}");

        var run = tool.Run(SmallGrid);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains($"gpu: not available: {gpu.Reason}; the optimizer falls back to its CPU workers", run.Output, StringComparison.Ordinal);
        Assert.Contains("cpu: ", run.Output, StringComparison.Ordinal);
        Assert.Contains("best: buy ", run.Output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Published_tool_should_exit_0_with_every_result_equal_when_there_is_a_gpu()
    {
        Skip.IfNot(gpu.HasDevice, $"no GPU: {gpu.Reason}");

        var run = tool.Run(SmallGrid);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("results: all 100 equal, bit for bit", run.Output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Published_tool_should_find_the_known_best_combination_in_the_expected_file()
    {
        Skip.IfNot(SharedData.TryGet(ExpectedFile.Relative, out var path), $"shared/data/{ExpectedFile.Relative} is absent");

        var run = tool.Run("--csv", path, "--buy", "0.9972:0.9973:0.0001", "--sell", "1.0021:1.0022:0.0001", "--fee", "0.001");

        Assert.True(run.ExitCode is 0 or 3, run.ToString());
        Assert.Contains("525,600 closes", run.Output, StringComparison.Ordinal);
        Assert.Contains("4 combinations", run.Output, StringComparison.Ordinal);
        Assert.Contains("best: buy 0.9973 sell 1.0021: final equity 1.2691373509470525, trades 84, max drawdown 0.008888445021472185", run.Output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Published_tool_should_equal_the_reference_through_every_driver_call_of_a_cpu_fake_driver()
    {
        var environment = fake.EnvironmentOrSkip();

        var run = tool.RunWith(environment, [.. SmallGrid, "--slip", "0.0005"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("gpu: Fake CUDA Device (CPU) (compute capability 8.0, 4 SMs, 8.0 GiB, CUDA driver 12.8)", run.Output, StringComparison.Ordinal);
        Assert.Contains("results: all 100 equal, bit for bit", run.Output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Published_tool_should_equal_the_reference_on_ieee_edge_values_through_a_cpu_fake_driver()
    {
        var environment = fake.EnvironmentOrSkip();
        var csv = Path.Combine(Path.GetTempPath(), $"hostile-{Guid.NewGuid():N}.csv");
        try
        {
            File.WriteAllLines(csv, ["time,close", .. ThresholdSeries.Hostile(seed: 9, bars: 5_000).Select((close, i) => string.Create(CultureInfo.InvariantCulture, $"{i},{close:R}"))]);

            var run = tool.RunWith(environment, "--csv", csv, "--buy", "0.9900:0.9999:0.0003", "--sell", "0.9990:1.0100:0.0003", "--slip", "0.0005", "--repeats", "1");

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains("5,000 closes", run.Output, StringComparison.Ordinal);
            Assert.Contains(" equal, bit for bit", run.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(csv);
        }
    }

    [Fact]
    public void Published_tool_should_exit_2_with_the_usage_on_an_unknown_option()
    {
        var run = tool.Run("--no-such-option", "1");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("unknown option --no-such-option", run.Error, StringComparison.Ordinal);
        Assert.Contains("usage: actorarb-gpucheck", run.Error, StringComparison.Ordinal);
    }
}
