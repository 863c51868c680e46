using ActorArb.Domain.Market;
using ActorArb.Domain.Time;

namespace ActorArb.Domain.Tests.Market;

public sealed class TimeframeSpecs
{
    [Theory]
    [InlineData("1m", 60_000L)]
    [InlineData("15m", 900_000L)]
    [InlineData("1h", 3_600_000L)]
    [InlineData("2h", 7_200_000L)]
    [InlineData("4h", 14_400_000L)]
    [InlineData("1d", 86_400_000L)]
    [InlineData("1w", 604_800_000L)]
    [InlineData("30s", 30_000L)]
    [InlineData("90m", 5_400_000L)]
    [InlineData(" 1h ", 3_600_000L)]
    public void Timeframe_should_parse_a_count_and_a_unit(string text, long ms)
    {
        Assert.True(Timeframe.TryParse(text, out var timeframe));
        Assert.Equal(ms, timeframe.Ms);
        Assert.Equal(ms, Timeframe.Parse(text).Ms);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("m")]
    [InlineData("0m")]
    [InlineData("-1m")]
    [InlineData("+1m")]
    [InlineData("1.5h")]
    [InlineData("1x")]
    [InlineData("1H")]
    [InlineData("h1")]
    [InlineData("60")]
    public void Timeframe_should_refuse_text_when_it_is_not_a_positive_count_with_a_unit(string? text)
    {
        Assert.False(Timeframe.TryParse(text, out _));
    }

    [Fact]
    public void Parse_should_name_the_text_when_it_refuses_it()
    {
        var error = Assert.Throws<FormatException>(() => Timeframe.Parse("5y"));

        Assert.Contains("\"5y\"", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(60_000L, "1m")]
    [InlineData(3_600_000L, "1h")]
    [InlineData(14_400_000L, "4h")]
    [InlineData(86_400_000L, "1d")]
    [InlineData(172_800_000L, "2d")]
    [InlineData(604_800_000L, "1w")]
    [InlineData(5_400_000L, "90m")]
    [InlineData(30_000L, "30s")]
    public void ToString_should_write_the_largest_whole_unit(long ms, string text)
    {
        Assert.Equal(text, new Timeframe(ms).ToString());
        Assert.Equal(ms, Timeframe.Parse(text).Ms);
    }

    [Theory]
    [InlineData("1m", 0L, 0L)]
    [InlineData("1m", 59_999L, 0L)]
    [InlineData("1m", 60_000L, 60_000L)]
    [InlineData("1m", -1L, -60_000L)]
    [InlineData("1m", -60_000L, -60_000L)]
    [InlineData("1m", -60_001L, -120_000L)]
    [InlineData("1h", -1L, -3_600_000L)]
    [InlineData("1d", -86_400_001L, -172_800_000L)]
    public void Floor_should_return_the_open_of_the_bar_containing_the_time_including_before_the_epoch(string frame, long timeMs, long open)
    {
        Assert.Equal(open, Timeframe.Parse(frame).Floor(timeMs));
    }

    [Theory]
    [InlineData("1d", "2023-03-11T07:15:00Z", "2023-03-11T00:00:00Z")]
    [InlineData("4h", "2023-03-11T07:15:00Z", "2023-03-11T04:00:00Z")]
    [InlineData("2h", "2023-03-11T07:15:00Z", "2023-03-11T06:00:00Z")]
    [InlineData("1h", "2023-03-11T07:15:00Z", "2023-03-11T07:00:00Z")]
    [InlineData("15m", "2023-03-11T07:59:59Z", "2023-03-11T07:45:00Z")]
    [InlineData("1m", "2023-03-11T07:15:00Z", "2023-03-11T07:15:00Z")]
    public void Floor_should_align_bars_to_utc_boundaries(string frame, string time, string open)
    {
        Assert.True(UnixTime.TryParseIso(time, out var timeMs));

        Assert.Equal(open, UnixTime.ToIso(Timeframe.Parse(frame).Floor(timeMs)));
    }

    [Fact]
    public void Timeframes_should_order_by_length()
    {
        Assert.True(Timeframe.Parse("15m").CompareTo(Timeframe.Parse("1h")) < 0);
        Assert.Equal(0, Timeframe.Parse("60m").CompareTo(Timeframe.Parse("1h")));
        Assert.Equal(Timeframe.OneMinute, Timeframe.Parse("1m"));
    }
}
