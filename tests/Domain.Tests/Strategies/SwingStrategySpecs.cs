using ActorArb.Domain.Events;
using ActorArb.Domain.Market;
using ActorArb.Domain.Strategies;
using static ActorArb.Domain.Tests.Strategies.TradingTestData;

namespace ActorArb.Domain.Tests.Strategies;

public sealed class SwingStrategySpecs
{
    private readonly SwingStrategy _strategy = new("swing", Timeframe.OneMinute, new SwingOptions(ReversalPct: 0.5));
    private long _time;

    private List<OrderIntent> Feed(string close, double position)
    {
        var intents = new List<OrderIntent>();
        var candle = Bar(_time, P(close));
        _time += 60_000;
        _strategy.OnCandle(candle, new StrategyContext(candle.CloseTimeMs, position == 0 ? 1 : 0, position, 1), intents);
        return intents;
    }

    [Fact]
    public void Swing_should_buy_when_close_rises_the_reversal_above_the_lowest_close_while_flat()
    {
        Assert.Empty(Feed("1.0000", 0));
        Assert.Empty(Feed("0.9900", 0));
        Assert.Empty(Feed("0.9800", 0));
        Assert.Empty(Feed("0.9840", 0)); // trigger 0.98 * 1.005 = 0.9849

        var intent = Assert.Single(Feed("0.9860", 0));

        Assert.Equal(Side.Buy, intent.Side);
        Assert.Equal(new OrderSize.AllCash(1.0), intent.Size);
        Assert.Contains("swing low 0.98", intent.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Swing_should_sell_when_close_falls_the_reversal_below_the_highest_close_while_long()
    {
        Feed("0.9800", 0);
        Assert.Single(Feed("0.9860", 0));
        Assert.Empty(Feed("0.9950", 1));
        Assert.Empty(Feed("1.0000", 1));
        Assert.Empty(Feed("0.9960", 1)); // trigger 1.0 * 0.995 = 0.995

        var intent = Assert.Single(Feed("0.9950", 1));

        Assert.Equal(Side.Sell, intent.Side);
        Assert.Equal(new OrderSize.AllPosition(), intent.Size);
        Assert.Contains("swing high 1", intent.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Swing_should_track_the_high_from_the_entry_close_not_from_before_it()
    {
        Feed("1.0200", 0);
        Feed("0.9800", 0);
        Assert.Single(Feed("0.9860", 0));

        // The pre-entry 1.02 must not count as the swing high, or 0.9860 would already be a sell.
        Assert.Empty(Feed("0.9860", 1));
    }

    [Fact]
    public void Swing_should_restart_the_low_at_the_exit_close()
    {
        Feed("0.9800", 0);
        Feed("0.9860", 0);
        Feed("1.0000", 1);
        Assert.Single(Feed("0.9900", 1));

        // Flat again: the low is the exit close 0.99, so a rise to 0.9940 (< 0.99 * 1.005) is not yet a buy.
        Assert.Empty(Feed("0.9940", 0));
        Assert.Single(Feed("0.9960", 0));
    }

    [Fact]
    public void Swing_should_retry_a_buy_on_the_next_candle_when_the_position_did_not_open()
    {
        Feed("0.9800", 0);
        Assert.Single(Feed("0.9860", 0));

        Assert.Single(Feed("0.9870", 0));
    }

    [Theory]
    [InlineData(0.0, 1.0, "reversal-pct")]
    [InlineData(100.0, 1.0, "reversal-pct")]
    [InlineData(double.NaN, 1.0, "reversal-pct")]
    [InlineData(1.0, 0.0, "fraction")]
    public void Swing_should_refuse_invalid_options(double reversalPct, double fraction, string message)
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new SwingStrategy("swing", Timeframe.OneMinute, new SwingOptions(reversalPct, fraction)));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
