using ActorArb.Host.Configuration;

namespace ActorArb.Host.Tests.Configuration;

/// <summary>Parses test documents as "config.hocon" with an environment the test controls, never the real one.</summary>
internal static class Hocon
{
    public const string File = "config.hocon";

    public static HoconConfig Parse(string text, IReadOnlyDictionary<string, string>? environment = null) =>
        HoconParser.ParseString(text, File, name => environment?.GetValueOrDefault(name));

    public static ConfigException ParseError(string text) =>
        Assert.Throws<ConfigException>(() => Parse(text));
}

/// <summary>A temporary directory for include tests, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory() =>
        Root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "hocon-specs-" + Guid.NewGuid().ToString("N"))).FullName;

    public string Root { get; }

    /// <summary>Writes a file (creating its folders) and returns its full path.</summary>
    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
