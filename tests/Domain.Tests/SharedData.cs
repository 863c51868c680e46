using System.Runtime.CompilerServices;

namespace ActorArb.Domain.Tests;

/// <summary>
/// Finds files under the project's <c>shared/data</c> folder (real market data kept beside the repository). Specs
/// that read it pass trivially, with a note in their output, when it is absent, so the suite runs anywhere.
/// </summary>
internal static class SharedData
{
    /// <summary>
    /// Returns true and the full path of <paramref name="relative"/> (e.g. <c>candles/kraken/X.csv</c>) when a
    /// directory containing <c>shared/data</c> is found walking up from the test binaries or from this source file
    /// (which also covers <c>../shared</c> beside the repository root).
    /// </summary>
    public static bool TryGet(string relative, out string path)
    {
        foreach (var start in (ReadOnlySpan<string?>)[AppContext.BaseDirectory, Path.GetDirectoryName(ThisFile())])
        {
            for (var directory = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "shared", "data", relative);
                if (File.Exists(candidate))
                {
                    path = candidate;
                    return true;
                }
            }
        }

        path = string.Empty;
        return false;
    }

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
