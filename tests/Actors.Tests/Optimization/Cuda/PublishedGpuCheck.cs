namespace ActorArb.Actors.Tests.Optimization.Cuda;

/// <summary>
/// The GPU check tool published once per test run exactly as <c>gpu/publish-check.sh</c> ships it (self-contained,
/// trimmed, single file, linux-x64; trim warnings are errors), into a temporary folder deleted afterwards. Takes about
/// 30–45 s on two cores; the build uses its own artifacts folder and no build servers, so nothing is left running.
/// </summary>
public sealed class PublishedGpuCheck : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), $"actorarb-gpucheck-{Guid.NewGuid():N}");

    /// <summary>Publishes the tool.</summary>
    public PublishedGpuCheck()
    {
        var output = Path.Combine(root, "out");
        Publish = ProcessRunner.Run(
            "dotnet",
            [
                "publish", GpuRepository.PathOf("tools/GpuCheck"), "-c", "Release", "-r", "linux-x64", "--self-contained",
                "-p:PublishTrimmed=true", "-p:PublishSingleFile=true", "--artifacts-path", Path.Combine(root, "artifacts"),
                "-o", output, "--disable-build-servers", "-nologo",
            ],
            GpuRepository.Root,
            TimeSpan.FromMinutes(5));
        Executable = Path.Combine(output, "actorarb-gpucheck");
    }

    /// <summary>Gets the result of <c>dotnet publish</c>.</summary>
    internal ProcessRunner.Result Publish { get; }

    /// <summary>Gets the published executable's path.</summary>
    public string Executable { get; }

    /// <summary>Runs the published tool with <paramref name="arguments"/>, failing the spec when the publish failed.</summary>
    internal ProcessRunner.Result Run(params string[] arguments) => RunWith(null, arguments);

    /// <summary>Runs the published tool with <paramref name="environment"/> added to its variables.</summary>
    internal ProcessRunner.Result RunWith(IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        Assert.True(Publish.ExitCode == 0 && File.Exists(Executable), $"dotnet publish failed: {Publish}");
        return ProcessRunner.Run(Executable, arguments, root, TimeSpan.FromMinutes(2), environment);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
