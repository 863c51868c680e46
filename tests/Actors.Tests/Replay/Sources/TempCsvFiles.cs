using System.IO.Compression;
using System.Text;

namespace ActorArb.Actors.Tests.Replay.Sources;

/// <summary>A throwaway folder of small data files for one test; deleted on dispose.</summary>
internal sealed class TempCsvFiles : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("actorarb-sources-").FullName;

    /// <summary>Writes <paramref name="lines"/> joined by <c>\n</c> (with a final newline) and returns the path.</summary>
    public string Write(string name, params string[] lines) => WriteText(name, string.Join('\n', lines) + "\n");

    /// <summary>Writes <paramref name="text"/> as UTF-8 without a byte-order mark and returns the path.</summary>
    public string WriteText(string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    /// <summary>Writes the lines gzip-compressed, under any name, and returns the path.</summary>
    public string WriteGzip(string name, params string[] lines)
    {
        var path = Path.Combine(folder, name);
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));
        return path;
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
