using System.Globalization;
using System.Text.Json;
using ActorArb.Domain.Market;
using ActorArb.Simulator;

namespace ActorArb.Actors.Tests.Simulator;

/// <summary>Ticks, simulators and JSON shape comparison shared by the simulator specs.</summary>
internal static class SimulatorKit
{
    public const long StartMs = 1_700_000_000_123;

    /// <summary>
    /// Returns <paramref name="count"/> ticks <paramref name="stepMs"/> apart with contiguous ids from
    /// <paramref name="firstId"/>, prices cycling over a few cents and alternating sides.
    /// </summary>
    public static List<TradeTick> Ticks(string venue, string symbol, int count, long firstId = 5000, long stepMs = 250, long startMs = StartMs)
    {
        var instrument = new InstrumentId(venue, symbol);
        return Enumerable.Range(0, count)
            .Select(i => new TradeTick(
                instrument,
                startMs + (i * stepMs),
                Price.Parse((100.25m + ((i % 7) * 0.01m)).ToString(CultureInfo.InvariantCulture)),
                0.5 + ((i % 3) * 0.125),
                i % 2 == 0 ? Side.Buy : Side.Sell,
                (firstId + i).ToString(CultureInfo.InvariantCulture)))
            .ToList();
    }

    /// <summary>Starts a paused simulator over in-memory feeds (the spec publishes with Step).</summary>
    public static Task<ExchangeSimulator> StartPausedAsync(params SimulatorFeed[] feeds) =>
        ExchangeSimulator.StartAsync(new SimulatorOptions { Feeds = feeds, StartPaused = true, HeartbeatInterval = TimeSpan.FromMilliseconds(100) });

    /// <summary>Returns the parsed message.</summary>
    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    /// <summary>Returns a shared sample message, or null when the shared data is absent.</summary>
    public static JsonElement? Sample(string relative) =>
        SharedData.File("messages/" + relative) is { } path ? Parse(File.ReadAllText(path)) : null;

    /// <summary>
    /// Returns the shape of a JSON value: every leaf as <c>path:kind</c>. Arrays whose elements share one kind are
    /// unioned under <c>[]</c> (lists of trades, of product ids); mixed arrays (Kraken and Binance rows) are positional.
    /// </summary>
    public static SortedSet<string> Shape(JsonElement element)
    {
        var shape = new SortedSet<string>(StringComparer.Ordinal);
        Walk(element, "$", shape);
        return shape;
    }

    /// <summary>Asserts that a message has exactly the shape of a shared sample (passes when the data is absent).</summary>
    public static void AssertSameShape(string sample, string message)
    {
        if (Sample(sample) is { } expected)
        {
            Assert.Equal(Shape(expected), Shape(Parse(message)));
        }
    }

    /// <summary>Asserts that every leaf of a message's shape appears in a shared sample (the sample may carry more, e.g. more channels).</summary>
    public static void AssertShapeWithin(string sample, string message)
    {
        if (Sample(sample) is { } expected)
        {
            Assert.Subset(Shape(expected), Shape(Parse(message)));
        }
    }

    private static void Walk(JsonElement element, string path, SortedSet<string> shape)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, path + "." + property.Name, shape);
                }

                break;
            case JsonValueKind.Array:
                var items = element.EnumerateArray().ToList();
                var uniform = items.Select(item => Kind(item.ValueKind)).Distinct().Count() <= 1;
                for (var i = 0; i < items.Count; i++)
                {
                    Walk(items[i], uniform ? path + "[]" : $"{path}[{i}]", shape);
                }

                break;
            default:
                shape.Add(path + ":" + Kind(element.ValueKind));
                break;
        }
    }

    private static string Kind(JsonValueKind kind) => kind is JsonValueKind.True or JsonValueKind.False ? "Boolean" : kind.ToString();
}
