using System.Globalization;
using ActorArb.Actors.Replay.Sources;

namespace ActorArb.Actors.Tests.Replay.Sources;

public sealed class CsvParsingSpecs
{
    [Theory]
    [InlineData("0.00056000")]
    [InlineData("29647.93")]
    [InlineData("24028.49491322")]
    [InlineData("0.1")]
    [InlineData("0.3")]
    [InlineData("5")]
    [InlineData("5.")]
    [InlineData(".5")]
    [InlineData("0")]
    [InlineData("999999999999999")]
    [InlineData("9007199254740993")]
    [InlineData("0.000000000000000000001")]
    [InlineData("123456789.123456789")]
    [InlineData("1e-5")]
    [InlineData("-0.5")]
    [InlineData("1E3")]
    public void TryParseQuantity_should_return_the_same_bits_as_double_parse(string text)
    {
        Assert.True(CsvParsing.TryParseQuantity(text, out var value));

        Assert.Equal(BitConverter.DoubleToInt64Bits(double.Parse(text, CultureInfo.InvariantCulture)), BitConverter.DoubleToInt64Bits(value));
    }

    [Fact]
    public void TryParseQuantity_should_round_like_double_parse_for_many_generated_decimals()
    {
        // A fixed linear congruential walk keeps the test deterministic while covering many digit/decimal mixes.
        ulong state = 12345;
        for (var i = 0; i < 20_000; i++)
        {
            state = (state * 6364136223846793005UL) + 1442695040888963407UL;
            var digits = (state % 100_000_000_000_000_000UL).ToString(CultureInfo.InvariantCulture);
            var decimals = (int)((state >> 40) % (ulong)(digits.Length + 1));
            var text = decimals == 0 ? digits : digits.Insert(digits.Length - decimals, ".");

            Assert.True(CsvParsing.TryParseQuantity(text, out var value), text);
            Assert.Equal(double.Parse(text, CultureInfo.InvariantCulture), value);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1e400")]
    [InlineData("1.2.3")]
    [InlineData("12abc")]
    public void TryParseQuantity_should_refuse_text_that_is_not_a_finite_number(string text)
    {
        Assert.False(CsvParsing.TryParseQuantity(text, out _));
    }

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("1677628800000", 1_677_628_800_000L)]
    [InlineData("999999999999999999", 999_999_999_999_999_999L)]
    public void TryParseTimestamp_should_read_plain_digits(string text, long expected)
    {
        Assert.True(CsvParsing.TryParseTimestamp(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData(" 1")]
    [InlineData("1.0")]
    [InlineData("1000000000000000000")]
    public void TryParseTimestamp_should_refuse_anything_but_up_to_eighteen_digits(string text)
    {
        Assert.False(CsvParsing.TryParseTimestamp(text, out _));
    }
}
