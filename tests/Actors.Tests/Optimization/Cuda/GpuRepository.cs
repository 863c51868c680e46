using System.Runtime.CompilerServices;

namespace ActorArb.Actors.Tests.Optimization.Cuda;

/// <summary>Finds the repository's files the GPU specs check (the kernel source, its PTX, the scripts, the check tool).</summary>
internal static class GpuRepository
{
    /// <summary>Gets the repository root: the folder holding <c>gpu/threshold_grid.cu</c>, found above this source file or the test binaries.</summary>
    public static string Root { get; } = Find();

    /// <summary>Returns the full path of <paramref name="relative"/> (forward slashes) under the root.</summary>
    public static string PathOf(string relative) => Path.Combine(Root, relative);

    private static string Find([CallerFilePath] string source = "")
    {
        foreach (var start in (ReadOnlySpan<string?>)[Path.GetDirectoryName(source), AppContext.BaseDirectory])
        {
            for (var directory = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "gpu", "threshold_grid.cu")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException("the repository (gpu/threshold_grid.cu) was not found above the test sources or binaries");
    }
}
