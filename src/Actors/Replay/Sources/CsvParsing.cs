using System.Globalization;

namespace ActorArb.Actors.Replay.Sources;

/// <summary>Allocation-free field splitting and number parsing for the CSV sources' hot path.</summary>
internal static class CsvParsing
{
    private const int MaxFastDecimals = 22;

    /// <summary>10^0 … 10^22, every one an exact double.</summary>
    private static readonly double[] PowersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    /// <summary>
    /// Takes the text up to the next comma from <paramref name="rest"/> and leaves what follows the comma; false when
    /// there is no comma (so the row has fewer columns than asked for).
    /// </summary>
    public static bool TryTakeField(scoped ref ReadOnlySpan<char> rest, out ReadOnlySpan<char> field)
    {
        var comma = rest.IndexOf(',');
        if (comma < 0)
        {
            field = default;
            return false;
        }

        field = rest[..comma];
        rest = rest[(comma + 1)..];
        return true;
    }

    /// <summary>
    /// Takes the last field that matters from <paramref name="rest"/> and checks that exactly
    /// <paramref name="ignoredColumns"/> more columns follow it; false when the count differs.
    /// </summary>
    public static bool TryTakeLastField(scoped ref ReadOnlySpan<char> rest, int ignoredColumns, out ReadOnlySpan<char> field)
    {
        if (ignoredColumns == 0)
        {
            field = rest;
            return !rest.Contains(',');
        }

        return TryTakeField(ref rest, out field) && rest.Count(',') == ignoredColumns - 1;
    }

    /// <summary>Parses a Unix-millisecond timestamp: 1 to 18 ASCII digits, nothing else.</summary>
    public static bool TryParseTimestamp(ReadOnlySpan<char> text, out long value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > 18)
        {
            return false;
        }

        foreach (var c in text)
        {
            var digit = (uint)(c - '0');
            if (digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }

    /// <summary>
    /// Parses a finite invariant number (a volume or quantity), correctly rounded to the nearest double; NaN and the
    /// infinities are refused.
    /// </summary>
    /// <remarks>
    /// Plain decimals such as <c>0.00056000</c> take Clinger's fast path: when the digits form an integer below 2^53
    /// and there are at most 22 decimals, both the integer and the power of ten are exact doubles, so one IEEE
    /// division gives the correctly rounded result, the same bits <see cref="double.Parse(string)"/> returns, at a
    /// fraction of its cost. Anything else (signs, exponents, long mantissas) goes to <see cref="double.TryParse(ReadOnlySpan{char}, NumberStyles, IFormatProvider, out double)"/>.
    /// </remarks>
    public static bool TryParseQuantity(ReadOnlySpan<char> text, out double value)
    {
        ulong mantissa = 0;
        var decimals = -1;
        var digits = 0;
        foreach (var c in text)
        {
            var digit = (uint)(c - '0');
            if (digit <= 9)
            {
                mantissa = (mantissa * 10) + digit;
                digits++;
                if (decimals >= 0)
                {
                    decimals++;
                }
            }
            else if (c == '.' && decimals < 0)
            {
                decimals = 0;
            }
            else
            {
                digits = int.MaxValue;
                break;
            }
        }

        if (digits is > 0 and <= 15 && decimals <= MaxFastDecimals)
        {
            value = decimals <= 0 ? mantissa : mantissa / PowersOfTen[decimals];
            return true;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    /// <summary>Returns the number of comma-separated columns in a row, for error messages.</summary>
    public static int CountColumns(ReadOnlySpan<char> row) => row.Count(',') + 1;
}
