namespace ActorArb.Host.Bench;

/// <summary>Finds the shared folder (<c>../shared</c> beside the repository: market data and benchmark references), if present.</summary>
internal static class SharedData
{
    /// <summary>Returns the full path of <c>shared/data/</c><paramref name="relative"/>, or null.</summary>
    public static string? Find(string relative) => FindShared(Path.Combine("data", relative));

    /// <summary>Returns the full path of <c>shared/</c><paramref name="relative"/>, or null.</summary>
    public static string? FindShared(string relative)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                foreach (var candidate in new[] { Path.Combine(dir.FullName, "shared", relative), Path.Combine(dir.FullName, "..", "shared", relative) })
                {
                    if (File.Exists(candidate))
                    {
                        return Path.GetFullPath(candidate);
                    }
                }
            }
        }

        return null;
    }
}
