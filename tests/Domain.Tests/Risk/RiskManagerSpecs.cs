using ActorArb.Domain.Events;
using ActorArb.Domain.Market;
using ActorArb.Domain.Regimes;
using ActorArb.Domain.Risk;
using static ActorArb.Domain.Tests.Strategies.TradingTestData;

namespace ActorArb.Domain.Tests.Risk;

public sealed class RiskManagerSpecs
{
    internal static OrderIntent BuyIntent(OrderSize? size = null) =>
        new(60_000, "peg", Usdc, Side.Buy, size ?? new OrderSize.AllCash(1.0), P("0.9973"), "test");

    internal static OrderIntent SellIntent(OrderSize? size = null) =>
        new(60_000, "peg", Usdc, Side.Sell, size ?? new OrderSize.AllPosition(), P("1.0021"), "test");

    internal static RiskSnapshot Flat(double cash = 1000, string mark = "1", Regime regime = Regime.PegStable) =>
        new(cash, 0, cash, P(mark), regime);

    internal static RiskSnapshot Long(double units, double cash = 0, string mark = "1", Regime regime = Regime.PegStable) =>
        new(cash, units, cash + units * P(mark).ToDouble(), P(mark), regime);

    private static string Rejection(RiskDecision decision)
    {
        Assert.False(decision.IsApproved, "expected a rejection");
        return decision.Rejected.Reason;
    }

    [Fact]
    public void RiskManager_should_budget_exactly_the_cash_for_an_all_cash_buy()
    {
        const double cash = 0.7310585786300049;
        var decision = new RiskManager(RiskLimits.None).Evaluate(BuyIntent(), Flat(cash));

        Assert.True(decision.IsApproved);
        Exactly(cash, decision.Approved.Budget, "budget");
        Assert.Equal(0, decision.Approved.Quantity);
        Assert.Same(decision.Approved, decision.Event);
    }

    [Fact]
    public void RiskManager_should_budget_the_fraction_of_cash_for_a_partial_all_cash_buy()
    {
        var decision = new RiskManager(RiskLimits.None).Evaluate(BuyIntent(new OrderSize.AllCash(0.25)), Flat(1000));

        Assert.Equal(250, decision.Approved!.Budget);
    }

    [Fact]
    public void RiskManager_should_size_a_unit_buy_at_the_mark()
    {
        var decision = new RiskManager(RiskLimits.None).Evaluate(BuyIntent(new OrderSize.Units(100)), Flat(1000, mark: "0.99"));

        Assert.Equal(99, decision.Approved!.Budget, 12);
    }

    [Fact]
    public void RiskManager_should_sell_exactly_the_position_for_an_all_position_sell()
    {
        const double units = 1.2345678901234567;
        var decision = new RiskManager(new RiskLimits()).Evaluate(SellIntent(), Long(units));

        Exactly(units, decision.Approved!.Quantity, "quantity");
        Assert.Equal(0, decision.Approved.Budget);
    }

    [Fact]
    public void RiskManager_should_number_approved_orders_from_the_first_id()
    {
        var risk = new RiskManager(RiskLimits.None, firstOrderId: 41);

        var first = risk.Evaluate(BuyIntent(), Flat());
        risk.Evaluate(BuyIntent(new OrderSize.Units(1e9)), Flat());
        var second = risk.Evaluate(SellIntent(), Long(5));

        Assert.Equal(41, first.Approved!.OrderId);
        Assert.Equal(42, second.Approved!.OrderId);
    }

    [Fact]
    public void RiskManager_should_reject_a_buy_above_max_notional_naming_the_values()
    {
        var risk = new RiskManager(new RiskLimits(MaxNotional: 1000));

        var reason = Rejection(risk.Evaluate(BuyIntent(), Flat(1532.1)));

        Assert.Equal("notional 1532.1 > max-notional 1000", reason);
        Assert.True(risk.Evaluate(BuyIntent(), Flat(1000)).IsApproved);
    }

    [Fact]
    public void RiskManager_should_reject_a_buy_that_would_exceed_max_position_units()
    {
        var risk = new RiskManager(new RiskLimits(MaxPositionUnits: 1000));

        var reason = Rejection(risk.Evaluate(BuyIntent(new OrderSize.Units(300)), Long(800, cash: 500)));

        Assert.Equal("position 1100 > max-position 1000", reason);
        Assert.True(risk.Evaluate(BuyIntent(new OrderSize.Units(200)), Long(800, cash: 500)).IsApproved);
    }

    [Fact]
    public void RiskManager_should_reject_a_buy_that_would_exceed_max_equity_fraction()
    {
        var risk = new RiskManager(new RiskLimits(MaxEquityFraction: 0.5));

        var reason = Rejection(risk.Evaluate(BuyIntent(new OrderSize.AllCash(0.6)), Flat(1000)));

        Assert.Equal("equity-fraction 0.6 > max-equity-fraction 0.5", reason);
        Assert.True(risk.Evaluate(BuyIntent(new OrderSize.AllCash(0.5)), Flat(1000)).IsApproved);
    }

    [Fact]
    public void RiskManager_should_reject_a_unit_buy_costing_more_than_the_cash()
    {
        var reason = Rejection(new RiskManager(RiskLimits.None).Evaluate(BuyIntent(new OrderSize.Units(20)), Flat(10)));

        Assert.Equal("budget 20 > cash 10", reason);
    }

    [Fact]
    public void RiskManager_should_reject_a_buy_without_cash()
    {
        Assert.StartsWith("no cash to spend", Rejection(new RiskManager(RiskLimits.None).Evaluate(BuyIntent(), Flat(0))), StringComparison.Ordinal);
    }

    [Fact]
    public void RiskManager_should_reject_a_sell_without_a_position()
    {
        Assert.StartsWith("no position to sell", Rejection(new RiskManager(RiskLimits.None).Evaluate(SellIntent(), Flat())), StringComparison.Ordinal);
    }

    [Fact]
    public void RiskManager_should_reject_a_sell_larger_than_the_position()
    {
        var reason = Rejection(new RiskManager(RiskLimits.None).Evaluate(SellIntent(new OrderSize.Units(6)), Long(5)));

        Assert.Equal("sell 6 > position 5: spot cannot go short", reason);
    }

    [Fact]
    public void RiskManager_should_reject_sizes_that_do_not_fit_the_side()
    {
        var risk = new RiskManager(RiskLimits.None);

        Assert.Contains("sizes a sell", Rejection(risk.Evaluate(BuyIntent(new OrderSize.AllPosition()), Flat())), StringComparison.Ordinal);
        Assert.Contains("sizes a buy", Rejection(risk.Evaluate(SellIntent(new OrderSize.AllCash(1)), Long(5))), StringComparison.Ordinal);
    }

    [Fact]
    public void RiskManager_should_not_apply_buy_limits_to_a_sell_that_reduces_the_position()
    {
        var risk = new RiskManager(new RiskLimits(MaxPositionUnits: 1, MaxNotional: 1, MaxEquityFraction: 0.1));

        Assert.True(risk.Evaluate(SellIntent(), Long(5000)).IsApproved);
    }

    [Fact]
    public void RiskManager_should_carry_the_intent_and_its_time_in_the_decision()
    {
        var intent = BuyIntent();
        var rejected = new RiskManager(new RiskLimits(MaxNotional: 1)).Evaluate(intent, Flat());

        Assert.Same(intent, rejected.Rejected!.Intent);
        Assert.Equal(intent.TimeMs, rejected.Event.TimeMs);
    }

    [Theory]
    [InlineData(0, 1, 1, 1, "max-position")]
    [InlineData(1, -1, 1, 1, "max-notional")]
    [InlineData(1, 1, 1.5, 1, "max-equity-fraction")]
    [InlineData(1, 1, 1, double.NaN, "max-drawdown")]
    public void RiskManager_should_refuse_limits_that_cannot_be_enforced(double position, double notional, double fraction, double drawdown, string name)
    {
        var error = Assert.Throws<ArgumentException>(() => new RiskManager(new RiskLimits(position, notional, fraction, MaxDrawdown: drawdown)));

        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }
}
