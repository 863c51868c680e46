using ActorArb.Domain.Optimization;

namespace ActorArb.Domain.Tests.Optimization;

public sealed class TickSeriesSpecs
{
    [Fact]
    public void Series_should_name_the_bar_and_value_of_a_close_off_the_tick_grid()
    {
        var error = Assert.Throws<ArgumentException>(() => new TickSeries([1.0, 0.99995, 1.0], 4));
        Assert.Contains("bar 1: close 0.99995 is not a positive price on the 0.0001 grid", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new TickSeries([1.0, -0.5], 4));
        Assert.Throws<ArgumentException>(() => new TickSeries([], 4));
    }

    [Fact]
    public void Series_should_hold_the_same_doubles_a_parser_gives_for_each_tick()
    {
        var series = new TickSeries([0.9973, 1.0021], 4);
        Assert.Equal([9973, 10021], series.Ticks.ToArray());
        for (var tick = 9_000; tick <= 11_000; tick++)
        {
            Assert.Equal(double.Parse($"{tick / 10_000}.{tick % 10_000:D4}", System.Globalization.CultureInfo.InvariantCulture), series.PriceOf(tick));
        }
    }
}
