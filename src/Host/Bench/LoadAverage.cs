namespace ActorArb.Host.Bench;

/// <summary>The machine's load, printed beside benchmark figures since other work on the machine moves them.</summary>
internal static class LoadAverage
{
    /// <summary>Returns the 1, 5 and 15 minute load averages where the system publishes them (Linux).</summary>
    public static string Describe()
    {
        const string path = "/proc/loadavg";
        return File.Exists(path) ? "load average " + string.Join(", ", File.ReadAllText(path).Split(' ').Take(3)) : "load average unknown";
    }
}
