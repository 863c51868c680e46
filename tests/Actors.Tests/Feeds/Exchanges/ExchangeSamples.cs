using System.IO.Compression;
using System.Text;
using System.Text.Json;
using ActorArb.Actors.Feeds.Exchanges;

namespace ActorArb.Actors.Tests.Feeds.Exchanges;

/// <summary>
/// Reads the real exchange frames kept under <c>shared/data/messages</c>: single-message samples and the received
/// frames of whole recorded sessions, whatever envelope the recorder wrote around them.
/// </summary>
internal static class ExchangeSamples
{
    /// <summary>Returns the bytes of a sample message, or null when the shared data is absent.</summary>
    public static byte[]? Message(string relative) =>
        SharedData.File($"messages/{relative}") is { } path ? File.ReadAllBytes(path) : null;

    /// <summary>Parses a sample with the flavour's adapter; null when the shared data is absent.</summary>
    public static FeedMessage? Parse(string flavour, string relative) =>
        Message(relative) is { } bytes ? ExchangeAdapters.Create(flavour).Parse(bytes) : null;

    /// <summary>
    /// Returns the WebSocket frames a recorded session received, in order; null when the shared data is absent.
    /// Understands cryptofeed logs (<c>1618678142.59: {json}</c>, sent and REST lines skipped), cryptofeed JSONL
    /// (<c>{"t":"recv","data":"..."}</c>) and hftbacktest dumps (<c>&lt;ns&gt; {json}</c>, REST depth snapshots skipped).
    /// </summary>
    public static IReadOnlyList<byte[]>? Frames(string relative)
    {
        if (SharedData.File($"messages/{relative}") is not { } path)
        {
            return null;
        }

        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress), Encoding.UTF8);
        var frames = new List<byte[]>();
        while (reader.ReadLine() is { } line)
        {
            if (Frame(line) is { } frame)
            {
                frames.Add(Encoding.UTF8.GetBytes(frame));
            }
        }

        return frames;
    }

    /// <summary>Returns the rows of a tick CSV under <c>shared/data/ticks</c> as name → value maps; null when absent.</summary>
    public static IReadOnlyList<Dictionary<string, string>>? TickRows(string relative)
    {
        if (SharedData.File($"ticks/{relative}") is not { } path)
        {
            return null;
        }

        Stream stream = File.OpenRead(path);
        if (path.EndsWith(".gz", StringComparison.Ordinal))
        {
            stream = new GZipStream(stream, CompressionMode.Decompress);
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        var header = reader.ReadLine()!.Split(',');
        var rows = new List<Dictionary<string, string>>();
        while (reader.ReadLine() is { } line)
        {
            var cells = line.Split(',');
            rows.Add(header.Zip(cells).ToDictionary(p => p.First, p => p.Second));
        }

        return rows;
    }

    private static string? Frame(string line)
    {
        if (line.StartsWith("{\"t\":", StringComparison.Ordinal))
        {
            using var envelope = JsonDocument.Parse(line);
            return envelope.RootElement.GetProperty("t").GetString() == "recv" ? envelope.RootElement.GetProperty("data").GetString() : null;
        }

        if (line.Length == 0 || !char.IsAsciiDigit(line[0]))
        {
            return null;
        }

        var separator = line.IndexOf(": ", StringComparison.Ordinal);
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        var payload = separator >= 0 && separator < space ? line[(separator + 2)..] : line[(space + 1)..];
        return payload.StartsWith("{\"lastUpdateId\"", StringComparison.Ordinal) ? null : payload;
    }
}
