using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ActorArb.Domain.Market;

/// <summary>
/// A price in fixed point: <see cref="Raw"/> units of 10^-9. Comparisons are exact, so a threshold such as
/// "buy at or below 0.9973" means exactly that at any instrument's tick size; binary floating point is used
/// only for money arithmetic after a decision is made (<see cref="ToDouble"/>).
/// </summary>
public readonly record struct Price(long Raw) : IComparable<Price>
{
    /// <summary>The number of decimal places a <see cref="Price"/> holds.</summary>
    public const int Decimals = 9;

    /// <summary>Raw units per 1.0.</summary>
    public const long Scale = 1_000_000_000;

    /// <summary>The zero price.</summary>
    public static Price Zero => default;

    /// <summary>Returns the price closest to <paramref name="value"/> (rounded half away from zero at 10^-9).</summary>
    public static Price FromDecimal(decimal value) =>
        new((long)decimal.Round(value * Scale, MidpointRounding.AwayFromZero));

    /// <summary>Returns the price nearest to a double, for synthetic data and tests only.</summary>
    public static Price FromDouble(double value) => new((long)Math.Round(value * Scale, MidpointRounding.AwayFromZero));

    /// <summary>Parses invariant decimal text such as <c>0.9999</c> or <c>28165.47000000</c> exactly.</summary>
    /// <exception cref="FormatException">The text is not a decimal number with at most 9 significant decimals.</exception>
    public static Price Parse(ReadOnlySpan<char> text) =>
        TryParse(text, out var price) ? price : throw new FormatException($"not a price: \"{text}\"");

    /// <summary>
    /// Parses invariant decimal text exactly, without going through floating point. Accepts an optional sign,
    /// digits, an optional fraction (digits beyond the ninth must be zeros) and an optional exponent-free form.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Price price)
    {
        price = default;
        text = text.Trim();
        if (text.IsEmpty)
        {
            return false;
        }

        var negative = false;
        var i = 0;
        if (text[0] is '-' or '+')
        {
            negative = text[0] == '-';
            i = 1;
        }

        long whole = 0;
        var digits = 0;
        for (; i < text.Length && char.IsAsciiDigit(text[i]); i++, digits++)
        {
            if (whole > (long.MaxValue / Scale - 9) / 10)
            {
                return false;
            }

            whole = whole * 10 + (text[i] - '0');
        }

        long fraction = 0;
        var fractionDigits = 0;
        if (i < text.Length && text[i] == '.')
        {
            for (i++; i < text.Length && char.IsAsciiDigit(text[i]); i++, digits++)
            {
                if (fractionDigits < Decimals)
                {
                    fraction = fraction * 10 + (text[i] - '0');
                    fractionDigits++;
                }
                else if (text[i] != '0')
                {
                    // More precision than a Price holds: refuse rather than round silently.
                    return false;
                }
            }
        }

        if (i != text.Length || digits == 0)
        {
            return false;
        }

        for (; fractionDigits < Decimals; fractionDigits++)
        {
            fraction *= 10;
        }

        var raw = whole * Scale + fraction;
        price = new Price(negative ? -raw : raw);
        return true;
    }

    /// <summary>Returns the price as a double (the correctly rounded value of Raw / 10^9).</summary>
    public double ToDouble() => (double)Raw / Scale;

    /// <summary>Returns the price as an exact decimal.</summary>
    public decimal ToDecimal() => (decimal)Raw / Scale;

    /// <summary>Returns true when the price is a whole multiple of <paramref name="tick"/>.</summary>
    public bool IsMultipleOf(Price tick) => tick.Raw > 0 && Raw % tick.Raw == 0;

    /// <summary>Returns the price as a whole number of ticks (exact when <see cref="IsMultipleOf"/> holds).</summary>
    public long ToTicks(Price tick) => Raw / tick.Raw;

    /// <inheritdoc />
    public int CompareTo(Price other) => Raw.CompareTo(other.Raw);

    /// <summary>Returns the smaller of two prices.</summary>
    public static Price Min(Price a, Price b) => a.Raw <= b.Raw ? a : b;

    /// <summary>Returns the larger of two prices.</summary>
    public static Price Max(Price a, Price b) => a.Raw >= b.Raw ? a : b;

    public static bool operator <(Price a, Price b) => a.Raw < b.Raw;
    public static bool operator >(Price a, Price b) => a.Raw > b.Raw;
    public static bool operator <=(Price a, Price b) => a.Raw <= b.Raw;
    public static bool operator >=(Price a, Price b) => a.Raw >= b.Raw;
    public static Price operator +(Price a, Price b) => new(a.Raw + b.Raw);
    public static Price operator -(Price a, Price b) => new(a.Raw - b.Raw);

    /// <summary>Returns the shortest exact invariant text, e.g. <c>0.9973</c>.</summary>
    public override string ToString() => ToDecimal().ToString("0.#########", CultureInfo.InvariantCulture);

    /// <summary>Returns true when <paramref name="text"/> parses; for config binding.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out Price price)
    {
        if (text is null)
        {
            price = default;
            return false;
        }

        return TryParse(text.AsSpan(), out price);
    }
}
