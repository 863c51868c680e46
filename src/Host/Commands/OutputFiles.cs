namespace ActorArb.Host.Commands;

/// <summary>
/// How a command that writes files finishes: every file first, then its console summary, then one <c>wrote PATH</c>
/// line per file, so the paths end the output where a user (or a script) looks for them.
/// </summary>
internal static class OutputFiles
{
    /// <summary>
    /// Creates <paramref name="directory"/>, has each writer write its file there (in order, given the file's path),
    /// runs <paramref name="summary"/> when given, and names the files.
    /// </summary>
    public static void Write(string directory, IReadOnlyList<(string Name, Action<string> Write)> files, Action? summary)
    {
        Directory.CreateDirectory(directory);
        var paths = files.Select(f => Path.Combine(directory, f.Name)).ToList();
        for (var i = 0; i < files.Count; i++)
        {
            files[i].Write(paths[i]);
        }

        summary?.Invoke();
        foreach (var path in paths)
        {
            Console.Out.WriteLine($"wrote {path}");
        }
    }
}
