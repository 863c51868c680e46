namespace ActorArb.Actors.Tests;

/// <summary>
/// Finds the project's shared market data (a <c>shared/data</c> folder in some ancestor of the test binaries). Tests
/// that need it return early when it is absent, so the suite still runs on a checkout without the data.
/// </summary>
internal static class SharedData
{
    private static readonly Lazy<string?> Root = new(FindRoot);

    /// <summary>Returns the full path of a file under <c>shared/data</c>, or null when the data or the file is missing.</summary>
    public static string? File(string relativePath)
    {
        if (Root.Value is not { } root)
        {
            return null;
        }

        var path = Path.Combine(root, relativePath);
        return System.IO.File.Exists(path) ? path : null;
    }

    private static string? FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "data");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
