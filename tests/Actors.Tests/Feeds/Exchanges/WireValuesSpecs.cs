using System.Globalization;
using System.Text;
using ActorArb.Actors.Feeds.Exchanges;
using ActorArb.Domain.Market;

namespace ActorArb.Actors.Tests.Feeds.Exchanges;

public sealed class WireValuesSpecs
{
    [Theory]
    [InlineData("2026-08-09T21:05:48.251397169Z", "2026-08-09T21:05:48.2510000Z")]
    [InlineData("2026-08-09T21:05:48.999999999Z", "2026-08-09T21:05:48.9990000Z")]
    [InlineData("2023-09-25T07:48:36.925533Z", "2023-09-25T07:48:36.9250000Z")]
    [InlineData("1970-01-01T00:00:00Z", "1970-01-01T00:00:00.0000000Z")]
    [InlineData("2024-02-29T23:59:59.9995Z", "2024-02-29T23:59:59.9990000Z")]
    [InlineData("2024-03-01T01:30:00.123+01:30", "2024-03-01T00:00:00.1230000Z")]
    [InlineData("2024-03-01T00:00:00.000-0500", "2024-03-01T05:00:00.0000000Z")]
    [InlineData("2026-08-09 21:05:48.854840045 +0000 UTC m=+41691.260485341", "2026-08-09T21:05:48.8540000Z")]
    public void IsoToMs_should_truncate_any_fraction_to_the_millisecond(string text, string expectedUtc)
    {
        var expected = new DateTimeOffset(DateTime.Parse(expectedUtc, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal)).ToUnixTimeMilliseconds();

        Assert.Equal(expected, WireValues.IsoToMs(Encoding.UTF8.GetBytes(text)));
    }

    [Theory]
    [InlineData("2023-02-29T00:00:00Z")]
    [InlineData("2023-13-01T00:00:00Z")]
    [InlineData("2023-01-01T24:00:00Z")]
    [InlineData("2023-01-01T00:00:00")]
    [InlineData("2023-01-01T00:00:00.Z")]
    [InlineData("2023-01-01T00:00:00ZZ")]
    [InlineData("2023-01-01T00:00:00+0")]
    [InlineData("1969-12-31T23:59:59Z")]
    [InlineData("20230101T000000Z")]
    public void TryIsoToMs_should_refuse_invalid_times(string text)
    {
        Assert.False(WireValues.TryIsoToMs(Encoding.UTF8.GetBytes(text), out _));
    }

    [Theory]
    [InlineData("1618678150.826417", 1_618_678_150_826)]
    [InlineData("1618678150.9999", 1_618_678_150_999)]
    [InlineData("1618678150.5", 1_618_678_150_500)]
    [InlineData("1618678150", 1_618_678_150_000)]
    public void UnixSecondsToMs_should_truncate_to_the_millisecond(string text, long expected)
    {
        Assert.Equal(expected, WireValues.UnixSecondsToMs(Encoding.UTF8.GetBytes(text)));
    }

    [Theory]
    [InlineData("0.99990000", 999_900_000)]
    [InlineData("28165.47000000", 28_165_470_000_000)]
    [InlineData("0.000000001", 1)]
    [InlineData("5.147e-1", 514_700_000)]
    [InlineData("1E+2", 100_000_000_000)]
    public void Price_should_read_the_exact_decimal_text(string text, long raw)
    {
        Assert.Equal(new Price(raw), WireValues.Price(Encoding.UTF8.GetBytes(text)));
    }

    [Theory]
    [InlineData("0.0000000001")]
    [InlineData("1e-10")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1,5")]
    [InlineData("１")]
    public void Price_should_refuse_text_that_is_not_an_exact_positive_price(string text)
    {
        Assert.Throws<WireFormatException>(() => WireValues.Price(Encoding.UTF8.GetBytes(text)));
    }
}
