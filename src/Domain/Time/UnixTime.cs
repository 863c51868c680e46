using System.Globalization;

namespace ActorArb.Domain.Time;

/// <summary>Conversions between Unix milliseconds and UTC text, used by reports and error messages.</summary>
public static class UnixTime
{
    /// <summary>Milliseconds in one minute.</summary>
    public const long MinuteMs = 60_000;

    /// <summary>Milliseconds in one day.</summary>
    public const long DayMs = 86_400_000;

    /// <summary>Returns the ISO-8601 UTC text of a Unix-millisecond time, e.g. <c>2023-03-11T07:15:00Z</c>.</summary>
    public static string ToIso(long timeMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(timeMs).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Parses an ISO-8601 date or date-time (UTC assumed when no offset is given) to Unix milliseconds.</summary>
    public static bool TryParseIso(string text, out long timeMs)
    {
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            timeMs = parsed.ToUnixTimeMilliseconds();
            return true;
        }

        timeMs = 0;
        return false;
    }
}
