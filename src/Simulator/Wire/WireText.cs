using System.Globalization;
using ActorArb.Domain.Market;

namespace ActorArb.Simulator.Wire;

/// <summary>
/// Exact text for the numbers and times the exchanges print: decimals never pass through binary floating point
/// (quantities are converted once, from the double's shortest round-trip text), and times are rendered in each
/// exchange's layout.
/// </summary>
internal static class WireText
{
    private const int MaxDecimals = 28;

    private static readonly string[] PaddedFormats = Enumerable.Range(0, MaxDecimals + 1)
        .Select(min => "0." + new string('0', min) + new string('#', MaxDecimals - min))
        .ToArray();

    /// <summary>Returns the exact decimal a double's shortest round-trip text names (e.g. 1E-05 → 0.00001).</summary>
    public static decimal ExactDecimal(double value) =>
        decimal.TryParse(value.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var exact)
            ? exact
            : (decimal)value;

    /// <summary>Returns plain invariant text with at least <paramref name="minDecimals"/> decimals, never an exponent.</summary>
    public static string Decimal(decimal value, int minDecimals = 0) =>
        value.ToString(PaddedFormats[minDecimals], CultureInfo.InvariantCulture);

    /// <summary>Returns a price as plain text with at least <paramref name="minDecimals"/> decimals.</summary>
    public static string Price(Price price, int minDecimals = 0) => Decimal(price.ToDecimal(), minDecimals);

    /// <summary>Returns a decimal rounded to <paramref name="decimals"/> places, printed with exactly that many.</summary>
    public static string Fixed(decimal value, int decimals) =>
        decimal.Round(value, decimals, MidpointRounding.ToEven).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>Returns <c>2021-04-17T16:43:37.121000Z</c>: RFC 3339 with exactly six fraction digits (Coinbase Exchange, Kraken v2).</summary>
    public static string IsoMicros(long timeMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(timeMs).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Returns Go's RFC 3339 with nanoseconds and trailing zeros trimmed, e.g. <c>2026-08-09T21:05:38.50436Z</c> (Coinbase Advanced).</summary>
    public static string IsoNanosTrimmed(long timeMs) => Seconds(timeMs, 'T') + Fraction(timeMs) + "Z";

    /// <summary>
    /// Returns Go's <c>time.Time.String()</c> with its monotonic reading, e.g.
    /// <c>2026-08-09 21:05:48.85484 +0000 UTC m=+41691.260485341</c> (Coinbase Advanced heartbeats).
    /// </summary>
    public static string GoTime(long timeMs, TimeSpan uptime) =>
        string.Create(CultureInfo.InvariantCulture, $"{Seconds(timeMs, ' ')}{Fraction(timeMs)} +0000 UTC m=+{(long)uptime.TotalSeconds}.{uptime.Ticks % TimeSpan.TicksPerSecond * 100:000000000}");

    /// <summary>Returns Unix seconds with six decimals as text, e.g. <c>1618678150.826000</c> (Kraken v1).</summary>
    public static string UnixSecondsMicros(long timeMs) =>
        string.Create(CultureInfo.InvariantCulture, $"{Math.DivRem(timeMs, 1000L, out var ms)}.{ms:000}000");

    /// <summary>Returns Unix seconds with three decimals as text, e.g. <c>1762795433.972</c> (Kraken REST times).</summary>
    public static string UnixSecondsMillis(long timeMs) =>
        string.Create(CultureInfo.InvariantCulture, $"{Math.DivRem(timeMs, 1000L, out var ms)}.{ms:000}");

    /// <summary>Returns an integer as invariant text.</summary>
    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Seconds(long timeMs, char separator) =>
        DateTimeOffset.FromUnixTimeMilliseconds(timeMs).UtcDateTime.ToString(
            separator == 'T' ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Fraction(long timeMs)
    {
        var ms = (int)(((timeMs % 1000) + 1000) % 1000);
        return ms == 0 ? string.Empty : "." + ms.ToString("000", CultureInfo.InvariantCulture).TrimEnd('0');
    }
}
