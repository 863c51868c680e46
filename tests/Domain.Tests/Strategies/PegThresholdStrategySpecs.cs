using ActorArb.Domain.Events;
using ActorArb.Domain.Market;
using ActorArb.Domain.Strategies;
using static ActorArb.Domain.Tests.Strategies.TradingTestData;

namespace ActorArb.Domain.Tests.Strategies;

public sealed class PegThresholdStrategySpecs
{
    private static readonly PegThresholdOptions Thresholds = new(P("0.9973"), P("1.0021"));

    private static List<OrderIntent> Decide(PegThresholdStrategy strategy, Price close, double position, double cash = 1.0)
    {
        var intents = new List<OrderIntent>();
        var candle = Bar(0, close);
        strategy.OnCandle(candle, new StrategyContext(candle.CloseTimeMs, cash, position, cash), intents);
        return intents;
    }

    private static PegThresholdStrategy Create(PegThresholdOptions? options = null) =>
        new("peg", Timeframe.OneMinute, options ?? Thresholds);

    [Fact]
    public void PegThreshold_should_buy_all_cash_when_flat_and_close_equals_the_buy_threshold()
    {
        var intents = Decide(Create(), P("0.9973"), position: 0);

        var intent = Assert.Single(intents);
        Assert.Equal(Side.Buy, intent.Side);
        Assert.Equal(new OrderSize.AllCash(1.0), intent.Size);
        Assert.Equal(P("0.9973"), intent.ReferencePrice);
        Assert.Equal(60_000, intent.TimeMs);
        Assert.Equal("peg", intent.StrategyId);
        Assert.Equal(Usdc, intent.Instrument);
        Assert.Equal("close 0.9973 <= buy 0.9973", intent.Reason);
    }

    [Fact]
    public void PegThreshold_should_not_buy_when_close_is_one_tick_above_the_buy_threshold()
    {
        Assert.Empty(Decide(Create(), P("0.9973") + Tick, position: 0));
    }

    [Fact]
    public void PegThreshold_should_buy_when_close_is_below_the_buy_threshold()
    {
        Assert.Single(Decide(Create(), P("0.9900"), position: 0));
    }

    [Fact]
    public void PegThreshold_should_sell_all_position_when_long_and_close_equals_the_sell_threshold()
    {
        var intent = Assert.Single(Decide(Create(), P("1.0021"), position: 3.5, cash: 0));

        Assert.Equal(Side.Sell, intent.Side);
        Assert.Equal(new OrderSize.AllPosition(), intent.Size);
        Assert.Equal("close 1.0021 >= sell 1.0021", intent.Reason);
    }

    [Fact]
    public void PegThreshold_should_not_sell_when_close_is_one_tick_below_the_sell_threshold()
    {
        Assert.Empty(Decide(Create(), P("1.0021") - Tick, position: 3.5, cash: 0));
    }

    [Fact]
    public void PegThreshold_should_not_sell_when_flat_even_above_the_sell_threshold()
    {
        Assert.Empty(Decide(Create(), P("1.0100"), position: 0));
    }

    [Fact]
    public void PegThreshold_should_not_add_to_a_long_when_close_is_below_the_buy_threshold()
    {
        Assert.Empty(Decide(Create(), P("0.9900"), position: 1, cash: 0.5));
    }

    [Fact]
    public void PegThreshold_should_not_buy_when_flat_without_cash()
    {
        Assert.Empty(Decide(Create(), P("0.9900"), position: 0, cash: 0));
    }

    [Fact]
    public void PegThreshold_should_spend_the_configured_fraction_of_cash()
    {
        var intent = Assert.Single(Decide(Create(Thresholds with { Fraction = 0.25 }), P("0.9950"), position: 0));

        Assert.Equal(new OrderSize.AllCash(0.25), intent.Size);
    }

    [Fact]
    public void PegThreshold_should_ignore_candles_of_another_timeframe()
    {
        var strategy = new PegThresholdStrategy("peg", Timeframe.Parse("1h"), Thresholds);
        var intents = new List<OrderIntent>();

        strategy.OnCandle(Bar(0, P("0.9900")), new StrategyContext(60_000, 1, 0, 1), intents);

        Assert.Empty(intents);
    }

    [Theory]
    [InlineData("1.0021", "1.0021", "must be below sell")]
    [InlineData("1.0030", "1.0021", "must be below sell")]
    [InlineData("0", "1.0021", "must be positive")]
    public void PegThreshold_should_refuse_thresholds_that_cannot_trade(string buy, string sell, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => Create(new PegThresholdOptions(P(buy), P(sell))));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void PegThreshold_should_refuse_a_fraction_outside_zero_to_one(double fraction)
    {
        var error = Assert.Throws<ArgumentException>(() => Create(Thresholds with { Fraction = fraction }));

        Assert.Contains("fraction must be in (0, 1]", error.Message, StringComparison.Ordinal);
    }
}
