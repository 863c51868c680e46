using System.Globalization;

namespace ActorArb.Domain.Market;

/// <summary>
/// A candle length in milliseconds, aligned to the Unix epoch (so 1d candles open at 00:00 UTC).
/// Written as <c>1m</c>, <c>5m</c>, <c>1h</c>, <c>2h</c>, <c>4h</c>, <c>1d</c> or any <c>N</c> + s/m/h/d.
/// </summary>
public readonly record struct Timeframe(long Ms) : IComparable<Timeframe>
{
    /// <summary>One minute, the base timeframe every other rolls up from.</summary>
    public static Timeframe OneMinute => new(60_000);

    /// <summary>Returns the open time of the candle containing <paramref name="timeMs"/>.</summary>
    public long Floor(long timeMs) => timeMs - (((timeMs % Ms) + Ms) % Ms);

    /// <summary>Returns the first open time at or after <paramref name="timeMs"/>: the first bar opening in a range.</summary>
    public long Ceiling(long timeMs)
    {
        var floor = Floor(timeMs);
        return floor == timeMs ? timeMs : floor + Ms;
    }

    /// <summary>Returns whether <paramref name="timeMs"/> is a bar's open time.</summary>
    public bool IsAligned(long timeMs) => Floor(timeMs) == timeMs;

    /// <summary>Parses <c>1m</c>, <c>4h</c>, <c>1d</c>, <c>30s</c> and the like.</summary>
    public static bool TryParse(string? text, out Timeframe timeframe)
    {
        timeframe = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length < 2)
        {
            return false;
        }

        text = text.Trim();
        var unit = text[^1] switch
        {
            's' => 1_000L,
            'm' => 60_000L,
            'h' => 3_600_000L,
            'd' => 86_400_000L,
            'w' => 604_800_000L,
            _ => 0L,
        };
        if (unit == 0 || !long.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count <= 0)
        {
            return false;
        }

        timeframe = new Timeframe(count * unit);
        return true;
    }

    /// <summary>Parses a timeframe or throws <see cref="FormatException"/> naming the text.</summary>
    public static Timeframe Parse(string text) =>
        TryParse(text, out var tf) ? tf : throw new FormatException($"not a timeframe: \"{text}\" (expected e.g. 1m, 1h, 4h, 1d)");

    /// <inheritdoc />
    public int CompareTo(Timeframe other) => Ms.CompareTo(other.Ms);

    /// <summary>Returns the shortest name, e.g. <c>4h</c>.</summary>
    public override string ToString() =>
        Ms % 604_800_000 == 0 ? $"{Ms / 604_800_000}w"
        : Ms % 86_400_000 == 0 ? $"{Ms / 86_400_000}d"
        : Ms % 3_600_000 == 0 ? $"{Ms / 3_600_000}h"
        : Ms % 60_000 == 0 ? $"{Ms / 60_000}m"
        : $"{Ms / 1000}s";
}
