using System.Text.RegularExpressions;
using ActorArb.Actors.Optimization.Cuda;

namespace ActorArb.Actors.Tests.Optimization.Cuda;

/// <summary>
/// The kernel's PTX as shipped: embedded, current with its source, and free of fused multiply-adds (which would
/// round differently from the C# reference and break bit-for-bit equality on the GPU).
/// </summary>
public sealed class ThresholdGridPtxSpecs
{
    private static readonly string Ptx = ThresholdGridPtx.Read();

    [Fact]
    public void Embedded_ptx_should_declare_the_kernel_entry_with_its_eleven_parameters()
    {
        var entry = Regex.Match(Ptx, $@"\.visible \.entry {ThresholdGridPtx.EntryName}\((?<parameters>[^)]*)\)");

        Assert.True(entry.Success, $"no .entry {ThresholdGridPtx.EntryName} in the embedded PTX");
        Assert.Equal(11, Regex.Matches(entry.Groups["parameters"].Value, @"\.param ").Count);
    }

    [Fact]
    public void Embedded_ptx_should_contain_no_fused_multiply_add()
    {
        Assert.DoesNotContain("fma.", Ptx, StringComparison.Ordinal);
        Assert.DoesNotContain("mad.rn", Ptx, StringComparison.Ordinal);
    }

    [Fact]
    public void Embedded_ptx_should_round_every_double_multiply_add_and_divide_explicitly()
    {
        // ptxas may fuse a mul.f64 and an add.f64 it JITs; with .rn on each it may not.
        Assert.Empty(Regex.Matches(Ptx, @"\b(mul|add|sub|div)\.f64\b"));
        Assert.Contains("mul.rn.f64", Ptx, StringComparison.Ordinal);
        Assert.Contains("sub.rn.f64", Ptx, StringComparison.Ordinal);
        Assert.Contains("div.rn.f64", Ptx, StringComparison.Ordinal);
    }

    [Fact]
    public void Embedded_ptx_should_equal_the_committed_file()
    {
        var committed = File.ReadAllText(GpuRepository.PathOf("gpu/threshold_grid.ptx"));

        Assert.Equal(committed, Ptx);
    }

    [SkippableFact]
    public void Build_script_should_regenerate_the_committed_ptx_when_clang_is_on_the_path()
    {
        Skip.IfNot(OnPath("clang"), "clang is not on PATH");
        var output = Path.Combine(Path.GetTempPath(), $"threshold_grid-{Guid.NewGuid():N}.ptx");
        try
        {
            var run = ProcessRunner.Run(GpuRepository.PathOf("gpu/build-ptx.sh"), [output], GpuRepository.Root, TimeSpan.FromMinutes(2));

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Equal(File.ReadAllText(GpuRepository.PathOf("gpu/threshold_grid.ptx")), File.ReadAllText(output));
        }
        finally
        {
            File.Delete(output);
        }
    }

    internal static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, program)));
}
