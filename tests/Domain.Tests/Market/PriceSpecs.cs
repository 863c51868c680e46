using System.Globalization;
using ActorArb.Domain.Market;

namespace ActorArb.Domain.Tests.Market;

public sealed class PriceSpecs
{
    [Theory]
    [InlineData("0.9973", 997_300_000L)]
    [InlineData("28165.47000000", 28_165_470_000_000L)]
    [InlineData("1", 1_000_000_000L)]
    [InlineData("-0.5", -500_000_000L)]
    [InlineData("+2.25", 2_250_000_000L)]
    [InlineData(".5", 500_000_000L)]
    [InlineData("5.", 5_000_000_000L)]
    [InlineData("0.000000001", 1L)]
    [InlineData("1.2345678900000", 1_234_567_890L)]
    [InlineData("  0.874 ", 874_000_000L)]
    [InlineData("-0", 0L)]
    [InlineData("1000000000", 1_000_000_000_000_000_000L)]
    public void Price_should_parse_decimal_text_exactly_when_it_has_at_most_nine_significant_decimals(string text, long raw)
    {
        Assert.True(Price.TryParse(text, out var price));
        Assert.Equal(raw, price.Raw);
        Assert.Equal(raw, Price.Parse(text.AsSpan()).Raw);
    }

    [Theory]
    [InlineData("1.0000000001")]
    [InlineData("0.1234567891")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData("abc")]
    [InlineData("1.2.3")]
    [InlineData("1,5")]
    [InlineData("1e3")]
    [InlineData("0x10")]
    [InlineData("--1")]
    [InlineData("1 000")]
    [InlineData("NaN")]
    [InlineData("99999999999999999999")]
    public void Price_should_refuse_text_when_it_is_not_an_exact_nine_decimal_number(string text)
    {
        Assert.False(Price.TryParse(text, out _));
        var error = Assert.Throws<FormatException>(() => Price.Parse(text.AsSpan()));
        Assert.Contains(text, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Price_should_refuse_null_text()
    {
        Assert.False(Price.TryParse((string?)null, out var price));
        Assert.Equal(Price.Zero, price);
    }

    [Theory]
    [InlineData("0.9973")]
    [InlineData("28165.47")]
    [InlineData("1.0001")]
    [InlineData("0.874")]
    [InlineData("0.1")]
    [InlineData("0.3")]
    [InlineData("123456.789")]
    [InlineData("-0.5")]
    public void ToDouble_should_equal_double_parse_of_the_same_text_when_the_price_is_typical(string text)
    {
        Assert.Equal(double.Parse(text, CultureInfo.InvariantCulture), Price.Parse(text).ToDouble());
    }

    [Fact]
    public void ToDouble_should_equal_double_parse_when_prices_are_drawn_at_random_below_a_million()
    {
        var random = new SeededRandom(20230311);
        for (var i = 0; i < 20_000; i++)
        {
            var whole = random.Next(1_000_000);
            var decimals = random.Next(10);
            var fraction = decimals == 0 ? string.Empty : "." + (random.Next() % (ulong)Math.Pow(10, decimals)).ToString(CultureInfo.InvariantCulture).PadLeft(decimals, '0');
            var text = whole.ToString(CultureInfo.InvariantCulture) + fraction;

            var price = Price.Parse(text);

            Assert.True(double.Parse(text, CultureInfo.InvariantCulture) == price.ToDouble(), text);
            Assert.Equal(decimal.Parse(text, CultureInfo.InvariantCulture), price.ToDecimal());
        }
    }

    [Theory]
    [InlineData("28165.47000000", "28165.47")]
    [InlineData("0.99730", "0.9973")]
    [InlineData("1.000000000", "1")]
    [InlineData("-0.5", "-0.5")]
    [InlineData("0.000000001", "0.000000001")]
    public void ToString_should_write_the_shortest_exact_text(string text, string expected)
    {
        var price = Price.Parse(text);

        Assert.Equal(expected, price.ToString());
        Assert.Equal(price, Price.Parse(price.ToString()));
    }

    [Fact]
    public void Price_should_compare_exactly_when_prices_differ_by_one_raw_unit()
    {
        var low = Price.Parse("0.999999999");
        var high = Price.Parse("1");

        Assert.True(low < high);
        Assert.True(high > low);
        Assert.True(low <= high && high >= low);
        Assert.False(low >= high);
        Assert.Equal(-1, low.CompareTo(high));
        Assert.Equal(low, Price.Min(low, high));
        Assert.Equal(high, Price.Max(low, high));
        Assert.Equal(new Price(1), high - low);
        Assert.Equal(high, low + new Price(1));
    }

    [Fact]
    public void Price_should_count_ticks_when_it_is_on_the_tick_grid()
    {
        var tick = Price.Parse("0.0001");

        Assert.True(Price.Parse("0.9973").IsMultipleOf(tick));
        Assert.Equal(9973, Price.Parse("0.9973").ToTicks(tick));
        Assert.False(Price.Parse("0.99735").IsMultipleOf(tick));
        Assert.False(Price.Parse("1").IsMultipleOf(Price.Zero));
    }

    [Fact]
    public void FromDecimal_should_round_half_away_from_zero_at_the_ninth_decimal()
    {
        Assert.Equal(1, Price.FromDecimal(0.0000000005m).Raw);
        Assert.Equal(-1, Price.FromDecimal(-0.0000000005m).Raw);
        Assert.Equal(0, Price.FromDecimal(0.0000000004m).Raw);
        Assert.Equal(Price.Parse("0.9973"), Price.FromDouble(0.9973));
    }
}
