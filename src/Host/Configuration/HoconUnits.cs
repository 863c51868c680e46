using System.Globalization;
using System.Text.RegularExpressions;

namespace ActorArb.Host.Configuration;

/// <summary>
/// Durations (<c>5s</c>, <c>250ms</c>, <c>"10 seconds"</c>) and sizes (<c>512k</c>, <c>64MiB</c>, <c>1KB</c>): a number,
/// optional whitespace, then a unit. Arithmetic is decimal so that <c>1.5h</c> or <c>0.5KiB</c> are exact.
/// A bare number is milliseconds for a duration and bytes for a size, as in Typesafe Config.
/// </summary>
internal static partial class HoconUnits
{
    private const decimal TicksPerMillisecond = TimeSpan.TicksPerMillisecond;

    private static readonly Dictionary<string, decimal> DurationTicks = Build(
        (0.01m, ["ns", "nano", "nanos", "nanosecond", "nanoseconds"]),
        (10m, ["us", "micro", "micros", "microsecond", "microseconds"]),
        (TicksPerMillisecond, ["", "ms", "milli", "millis", "millisecond", "milliseconds"]),
        (1_000 * TicksPerMillisecond, ["s", "second", "seconds"]),
        (60_000 * TicksPerMillisecond, ["m", "minute", "minutes"]),
        (3_600_000 * TicksPerMillisecond, ["h", "hour", "hours"]),
        (86_400_000 * TicksPerMillisecond, ["d", "day", "days"]));

    // Decimal units (kB, MB) are powers of 1000 and binary units (K, Ki, KiB) powers of 1024; "KB" is read as the
    // SI kilobyte like "kB", because that is what a reader of "1KB" in a file most likely means by it.
    private static readonly Dictionary<string, decimal> SizeBytes = Build(
        (1m, ["", "B", "b", "byte", "bytes"]),
        (1e3m, ["kB", "KB", "kilobyte", "kilobytes"]),
        (1e6m, ["MB", "megabyte", "megabytes"]),
        (1e9m, ["GB", "gigabyte", "gigabytes"]),
        (1e12m, ["TB", "terabyte", "terabytes"]),
        (1e15m, ["PB", "petabyte", "petabytes"]),
        (1e18m, ["EB", "exabyte", "exabytes"]),
        (1L << 10, ["K", "k", "Ki", "KiB", "kibibyte", "kibibytes"]),
        (1L << 20, ["M", "m", "Mi", "MiB", "mebibyte", "mebibytes"]),
        (1L << 30, ["G", "g", "Gi", "GiB", "gibibyte", "gibibytes"]),
        (1L << 40, ["T", "t", "Ti", "TiB", "tebibyte", "tebibytes"]),
        (1L << 50, ["P", "p", "Pi", "PiB", "pebibyte", "pebibytes"]),
        (1L << 60, ["E", "e", "Ei", "EiB", "exbibyte", "exbibytes"]));

    public static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = default;
        if (!TryScale(text, DurationTicks, out var exactTicks))
        {
            return false;
        }

        var ticks = decimal.Round(exactTicks, MidpointRounding.AwayFromZero);
        if (ticks < TimeSpan.MinValue.Ticks || ticks > TimeSpan.MaxValue.Ticks)
        {
            return false;
        }

        duration = TimeSpan.FromTicks((long)ticks);
        return true;
    }

    public static bool TryParseSize(string text, out long bytes)
    {
        bytes = 0;
        if (!TryScale(text, SizeBytes, out var total))
        {
            return false;
        }

        if (total < 0 || total > long.MaxValue || total != decimal.Truncate(total))
        {
            return false;
        }

        bytes = (long)total;
        return true;
    }

    [GeneratedRegex(@"^\s*([+-]?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)\s*([A-Za-z]*)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex QuantityPattern();

    /// <summary>Splits number and unit and returns the number times the unit's factor.</summary>
    private static bool TryScale(string text, Dictionary<string, decimal> units, out decimal scaled)
    {
        scaled = 0;
        var match = QuantityPattern().Match(text);
        if (!match.Success || !units.TryGetValue(match.Groups[2].Value, out var perUnit))
        {
            return false;
        }

        try
        {
            scaled = decimal.Parse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture) * perUnit;
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    private static Dictionary<string, decimal> Build(params (decimal Factor, string[] Names)[] units)
    {
        var map = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (factor, names) in units)
        {
            foreach (var name in names)
            {
                map.Add(name, factor);
            }
        }

        return map;
    }
}
