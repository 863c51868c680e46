using System.Globalization;
using System.Text;
using ActorArb.Domain.Market;
using ActorArb.Domain.Time;

namespace ActorArb.Actors.Feeds.Exchanges;

/// <summary>
/// Converts the raw UTF-8 text of wire values into domain values without floating point where exactness matters:
/// prices through <see cref="Price.TryParse(ReadOnlySpan{char}, out Price)"/>, times by integer arithmetic on the digits
/// (truncated to the millisecond, never rounded), sizes as doubles.
/// </summary>
internal static class WireValues
{
    private const int MaxNumberLength = 64;

    /// <summary>Returns the price written as decimal text (exponent forms are read exactly through decimal).</summary>
    public static Price Price(ReadOnlySpan<byte> text)
    {
        Span<char> chars = stackalloc char[MaxNumberLength];
        var length = Ascii(text, chars, "price");
        var span = chars[..length];
        if (!Domain.Market.Price.TryParse(span, out var price) && !TryExponentPrice(span, out price))
        {
            throw new WireFormatException($"price \"{span}\" is not a decimal number with at most 9 decimals");
        }

        return price.Raw > 0 ? price : throw new WireFormatException($"price \"{span}\" is not positive");
    }

    /// <summary>Returns a trade size, which must be a positive finite number.</summary>
    public static double Size(ReadOnlySpan<byte> text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var size) && double.IsFinite(size) && size > 0
            ? size
            : throw new WireFormatException($"size \"{Encoding.UTF8.GetString(text)}\" is not a positive number");

    /// <summary>Returns a whole number of milliseconds written as integer text (Binance <c>T</c>).</summary>
    public static long Milliseconds(ReadOnlySpan<byte> text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? ms
            : throw new WireFormatException($"time \"{Encoding.UTF8.GetString(text)}\" is not whole milliseconds");

    /// <summary>Returns Unix seconds written as decimal text (Kraken v1 <c>1618678150.826417</c>) in milliseconds, truncated.</summary>
    public static long UnixSecondsToMs(ReadOnlySpan<byte> text)
    {
        long seconds = 0;
        var i = 0;
        for (; i < text.Length && IsDigit(text[i]); i++)
        {
            if (i >= 12)
            {
                throw new WireFormatException($"time \"{Encoding.UTF8.GetString(text)}\" is out of range");
            }

            seconds = seconds * 10 + (text[i] - '0');
        }

        if (i == 0)
        {
            throw new WireFormatException($"time \"{Encoding.UTF8.GetString(text)}\" is not Unix seconds");
        }

        var (ms, end) = i < text.Length && text[i] == '.' ? Fraction(text, i + 1) : (0, i);
        return end == text.Length
            ? seconds * 1000 + ms
            : throw new WireFormatException($"time \"{Encoding.UTF8.GetString(text)}\" is not Unix seconds");
    }

    /// <summary>
    /// Returns an ISO-8601 / RFC 3339 time (<c>2026-08-09T21:05:42.514318Z</c>, any number of fraction digits, offset
    /// <c>Z</c> or <c>±hh:mm</c>) in Unix milliseconds, truncated. Also reads Go's format
    /// (<c>2026-08-09 21:05:48.854840045 +0000 UTC m=+41691.26</c>): a space for the <c>T</c>, a space before the offset,
    /// and anything after a space that follows it.
    /// </summary>
    public static long IsoToMs(ReadOnlySpan<byte> text) =>
        TryIsoToMs(text, out var ms) ? ms : throw new WireFormatException($"time \"{Encoding.UTF8.GetString(text)}\" is not an ISO-8601 UTC time");

    /// <summary>Returns true and the time in Unix milliseconds when <paramref name="text"/> reads as <see cref="IsoToMs"/> describes.</summary>
    public static bool TryIsoToMs(ReadOnlySpan<byte> text, out long ms)
    {
        ms = 0;
        if (text.Length < 20
            || !TryDigits(text, 0, 4, out var year) || text[4] != '-' || !TryDigits(text, 5, 2, out var month) || text[7] != '-'
            || !TryDigits(text, 8, 2, out var day) || text[10] is not ((byte)'T' or (byte)'t' or (byte)' ')
            || !TryDigits(text, 11, 2, out var hour) || text[13] != ':' || !TryDigits(text, 14, 2, out var minute) || text[16] != ':'
            || !TryDigits(text, 17, 2, out var second)
            || year < 1970 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var i = 19;
        var fractionMs = 0;
        if (text[i] == '.')
        {
            (fractionMs, i) = Fraction(text, i + 1);
            if (i == 20)
            {
                return false;
            }
        }

        if (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        if (!TryOffset(text, ref i, out var offsetMinutes) || (i < text.Length && text[i] != ' '))
        {
            return false;
        }

        var days = new DateOnly(year, month, day).DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;
        ms = days * UnixTime.DayMs + ((hour * 60L + minute - offsetMinutes) * 60 + second) * 1000 + fractionMs;
        return true;
    }

    /// <summary>Returns the side written as <c>buy</c>/<c>sell</c> (any case) or Kraken's <c>b</c>/<c>s</c>.</summary>
    public static Side Side(ReadOnlySpan<byte> text)
    {
        if (System.Text.Ascii.EqualsIgnoreCase(text, "buy"u8) || text.SequenceEqual("b"u8))
        {
            return Domain.Market.Side.Buy;
        }

        if (System.Text.Ascii.EqualsIgnoreCase(text, "sell"u8) || text.SequenceEqual("s"u8))
        {
            return Domain.Market.Side.Sell;
        }

        throw new WireFormatException($"side \"{Encoding.UTF8.GetString(text)}\" is neither buy nor sell");
    }

    /// <summary>Returns the other side: Coinbase reports the maker's side, the domain keeps the aggressor's.</summary>
    public static Side Opposite(Side side) => side == Domain.Market.Side.Buy ? Domain.Market.Side.Sell : Domain.Market.Side.Buy;

    /// <summary>Returns a trade id as text, exactly as written (ids beyond Int64 stay digits).</summary>
    public static string TradeId(ReadOnlySpan<byte> text) =>
        text.IsEmpty || text.Length > 64
            ? throw new WireFormatException("trade id is empty or too long")
            : Encoding.UTF8.GetString(text);

    private static bool TryExponentPrice(ReadOnlySpan<char> text, out Price price)
    {
        price = default;
        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        var raw = value * Domain.Market.Price.Scale;
        if (raw != decimal.Truncate(raw) || raw > long.MaxValue || raw < long.MinValue)
        {
            return false;
        }

        price = new Price((long)raw);
        return true;
    }

    private static int Ascii(ReadOnlySpan<byte> text, Span<char> chars, string field)
    {
        if (text.Length > chars.Length || System.Text.Ascii.ToUtf16(text, chars, out var written) != System.Buffers.OperationStatus.Done)
        {
            throw new WireFormatException($"{field} is not short ASCII text");
        }

        return written;
    }

    // Reads fraction digits from start: the first three are milliseconds, the rest are dropped (truncation).
    private static (int Ms, int End) Fraction(ReadOnlySpan<byte> text, int start)
    {
        var ms = 0;
        var i = start;
        for (; i < text.Length && IsDigit(text[i]); i++)
        {
            if (i - start < 3)
            {
                ms = ms * 10 + (text[i] - '0');
            }
        }

        for (var digits = i - start; digits < 3; digits++)
        {
            ms *= 10;
        }

        return (ms, i);
    }

    private static bool TryOffset(ReadOnlySpan<byte> text, ref int i, out int minutes)
    {
        minutes = 0;
        if (i < text.Length && text[i] is (byte)'Z' or (byte)'z')
        {
            i++;
            return true;
        }

        if (i >= text.Length || text[i] is not ((byte)'+' or (byte)'-') || !TryDigits(text, i + 1, 2, out var hours))
        {
            return false;
        }

        var sign = text[i] == '-' ? -1 : 1;
        i += 3;
        if (i < text.Length && text[i] == ':')
        {
            i++;
        }

        if (!TryDigits(text, i, 2, out var mins) || hours > 23 || mins > 59)
        {
            return false;
        }

        i += 2;
        minutes = sign * (hours * 60 + mins);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<byte> text, int start, int count, out int value)
    {
        value = 0;
        if (start + count > text.Length)
        {
            return false;
        }

        for (var i = start; i < start + count; i++)
        {
            if (!IsDigit(text[i]))
            {
                return false;
            }

            value = value * 10 + (text[i] - '0');
        }

        return true;
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;
}
