using System.Runtime.CompilerServices;

namespace ActorArb.Actors.Tests.Optimization.Cuda;

/// <summary>
/// <c>FakeDriver/fake_libcuda.cpp</c> built into a temporary <c>libcuda.so.1</c> with clang++: a driver that runs the
/// kernel source on the CPU and checks every call, so machines without a GPU test the worker's whole driver path by
/// running the published tool with <c>LD_LIBRARY_PATH</c> pointing here. Not built (the specs skip) without clang++.
/// </summary>
public sealed class FakeCudaDriver : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), $"actorarb-fakecuda-{Guid.NewGuid():N}");

    /// <summary>Builds the library when clang++ is on the PATH.</summary>
    public FakeCudaDriver()
    {
        if (!ThresholdGridPtxSpecs.OnPath("clang++"))
        {
            return;
        }

        Directory.CreateDirectory(directory);
        Build = ProcessRunner.Run(
            "clang++",
            [
                "-shared", "-fPIC", "-O2", "-ffp-contract=off", "-Wall", "-Wno-ignored-attributes", "-Wl,-soname,libcuda.so.1",
                "-I", GpuRepository.PathOf("gpu"), Path.Combine(SourceDirectory(), "FakeDriver", "fake_libcuda.cpp"),
                "-o", Path.Combine(directory, "libcuda.so.1"),
            ],
            directory,
            TimeSpan.FromMinutes(2));
    }

    /// <summary>Gets the result of the clang++ build, or null when clang++ is not on the PATH.</summary>
    internal ProcessRunner.Result? Build { get; }

    /// <summary>Returns the environment that makes a new process load the fake driver, or skips without clang++.</summary>
    internal IReadOnlyDictionary<string, string> EnvironmentOrSkip()
    {
        Skip.If(Build is null, "clang++ is not on PATH");
        Assert.True(Build.ExitCode == 0, $"the fake driver did not build: {Build}");
        return new Dictionary<string, string> { ["LD_LIBRARY_PATH"] = directory };
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
