using System.Globalization;
using ActorArb.Domain.Market;

namespace ActorArb.Host.Configuration;

/// <summary>
/// Typed getters. Each takes an optional fallback, returned when the path is absent or <c>null</c>; without one a
/// missing path throws. Numbers are parsed from their source text with the invariant culture, and a string such as
/// <c>"42"</c> is accepted wherever a number is, as in Typesafe Config.
/// </summary>
public sealed partial class HoconConfig
{
    private const NumberStyles DecimalStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    private delegate bool Converter<T>(string rawText, out T result);

    /// <summary>Returns the string at <paramref name="path"/>; a number or boolean gives its literal text.</summary>
    public string GetString(string path, string? fallback = null)
    {
        var value = Locate(path, out var fullPath, out var sourceFile);
        if (value is null || value.Kind == HoconValueKind.Null)
        {
            return fallback ?? throw Absent(value, sourceFile, fullPath, "a string");
        }

        return value.Kind is HoconValueKind.Object or HoconValueKind.Array
            ? throw ConfigException.Invalid(value, fullPath, "a string")
            : value.RawText;
    }

    /// <summary>Returns the 32-bit integer at <paramref name="path"/>.</summary>
    public int GetInt(string path, int? fallback = null) =>
        Get(path, fallback, "a 32-bit integer", (string text, out int result) =>
            int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out result));

    /// <summary>Returns the 64-bit integer at <paramref name="path"/>.</summary>
    public long GetLong(string path, long? fallback = null) =>
        Get(path, fallback, "a 64-bit integer", (string text, out long result) =>
            long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out result));

    /// <summary>Returns the finite double at <paramref name="path"/>.</summary>
    public double GetDouble(string path, double? fallback = null) =>
        Get(path, fallback, "a number", (string text, out double result) =>
            double.TryParse(text, DecimalStyle, CultureInfo.InvariantCulture, out result) && double.IsFinite(result));

    /// <summary>Returns the decimal at <paramref name="path"/>, parsed exactly from the text as written.</summary>
    public decimal GetDecimal(string path, decimal? fallback = null) =>
        Get(path, fallback, "a number", (string text, out decimal result) =>
            decimal.TryParse(text, DecimalStyle, CultureInfo.InvariantCulture, out result));

    /// <summary>Returns the price at <paramref name="path"/>, parsed exactly (at most 9 decimals).</summary>
    public Price GetPrice(string path, Price? fallback = null) =>
        Get(path, fallback, "a price with at most 9 decimals", (string text, out Price result) => Price.TryParse(text, out result));

    /// <summary>Returns the boolean at <paramref name="path"/>: <c>true</c>/<c>false</c>, or <c>yes</c>/<c>no</c>, <c>on</c>/<c>off</c>.</summary>
    public bool GetBoolean(string path, bool? fallback = null) =>
        Get(path, fallback, "true or false", (string text, out bool result) =>
        {
            result = text is "true" or "yes" or "on";
            return result || text is "false" or "no" or "off";
        });

    /// <summary>
    /// Returns the duration at <paramref name="path"/>: a number with a unit (<c>ns us ms s m h d</c> or their long
    /// names, such as <c>"10 seconds"</c>), or a bare number of milliseconds.
    /// </summary>
    public TimeSpan GetDuration(string path, TimeSpan? fallback = null) =>
        Get(path, fallback, "a duration such as 5s, 250ms, 2m or \"10 seconds\"", HoconUnits.TryParseDuration);

    /// <summary>
    /// Returns the size in bytes at <paramref name="path"/>: a whole number of bytes, or a number with a unit where
    /// <c>kB KB MB GB</c> are powers of 1000 and <c>K k Ki KiB M MiB G GiB</c> powers of 1024.
    /// </summary>
    public long GetBytes(string path, long? fallback = null) =>
        Get(path, fallback, "a size such as 512k, 1KB or 64MiB", HoconUnits.TryParseSize);

    /// <summary>Returns the enum member named at <paramref name="path"/>, ignoring case.</summary>
    public TEnum GetEnum<TEnum>(string path, TEnum? fallback = null)
        where TEnum : struct, Enum =>
        Get(path, fallback, "one of " + string.Join(", ", Enum.GetNames<TEnum>()), (string text, out TEnum result) =>
            Enum.TryParse(text, ignoreCase: true, out result) && Enum.IsDefined(result) && !char.IsAsciiDigit(text.TrimStart('-')[0]));

    /// <summary>Returns the list of strings at <paramref name="path"/>; numbers and booleans give their literal text.</summary>
    /// <exception cref="ConfigException">The path is missing and there is no fallback, is not a list, or holds an object, list or null.</exception>
    public IReadOnlyList<string> GetStringList(string path, IReadOnlyList<string>? fallback = null)
    {
        if (fallback is not null && Locate(path, out _, out _) is null or { Kind: HoconValueKind.Null })
        {
            return fallback;
        }

        var (list, fullPath) = RequireList(path);
        var strings = new string[list.Items.Count];
        for (var i = 0; i < strings.Length; i++)
        {
            var item = list.Items[i];
            strings[i] = item.Kind is HoconValueKind.Object or HoconValueKind.Array or HoconValueKind.Null
                ? throw ConfigException.Invalid(item, $"{fullPath}[{i}]", "a string")
                : item.RawText;
        }

        return strings;
    }

    /// <summary>Returns the elements of the list at <paramref name="path"/>.</summary>
    /// <exception cref="ConfigException">The path is missing or is not a list.</exception>
    public IReadOnlyList<HoconValue> GetList(string path) => RequireList(path).List.Items;

    private static ConfigException Absent(HoconValue? nullValue, string sourceFile, string fullPath, string expected) =>
        nullValue is null ? ConfigException.Missing(sourceFile, fullPath) : ConfigException.Invalid(nullValue, fullPath, expected);

    private T Get<T>(string path, T? fallback, string expected, Converter<T> convert)
        where T : struct
    {
        var value = Locate(path, out var fullPath, out var sourceFile);
        if (value is null || value.Kind == HoconValueKind.Null)
        {
            return fallback ?? throw Absent(value, sourceFile, fullPath, expected);
        }

        if (value.Kind is HoconValueKind.Object or HoconValueKind.Array || !convert(value.RawText, out var result))
        {
            throw ConfigException.Invalid(value, fullPath, expected);
        }

        return result;
    }
}
