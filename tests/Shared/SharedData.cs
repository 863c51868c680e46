using System.Runtime.CompilerServices;

namespace ActorArb.Tests;

/// <summary>
/// Finds files under the project's <c>shared/data</c> folder (real market data kept beside the repository), walking
/// up from the test binaries and from this source file (which also covers <c>../shared</c> beside the repository
/// root and builds with an artifacts path elsewhere). Specs that read it pass with a note when it is absent, so the
/// suite runs anywhere. Linked into every test project.
/// </summary>
internal static class SharedData
{
    /// <summary>Returns true and the full path of <paramref name="relative"/> (e.g. <c>candles/kraken/X.csv</c>) when found.</summary>
    public static bool TryGet(string relative, out string path)
    {
        foreach (var start in (ReadOnlySpan<string?>)[AppContext.BaseDirectory, Path.GetDirectoryName(ThisFile())])
        {
            for (var directory = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "shared", "data", relative);
                if (System.IO.File.Exists(candidate))
                {
                    path = candidate;
                    return true;
                }
            }
        }

        path = string.Empty;
        return false;
    }

    /// <summary>Returns the full path of a file under <c>shared/data</c>, or null when the data or the file is missing.</summary>
    public static string? File(string relative) => TryGet(relative, out var path) ? path : null;

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
