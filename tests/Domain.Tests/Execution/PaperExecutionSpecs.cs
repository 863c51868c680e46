using ActorArb.Domain.Events;
using ActorArb.Domain.Execution;
using ActorArb.Domain.Market;
using static ActorArb.Domain.Tests.Strategies.TradingTestData;

namespace ActorArb.Domain.Tests.Execution;

public sealed class PaperExecutionSpecs
{
    private const double Fee = 0.001;
    private const double Slip = 0.0005;
    private readonly List<OrderFilled> _fills = [];
    private long _nextId = 1;

    private OrderApproved Buy(double budget, long timeMs = 60_000) =>
        new(timeMs, _nextId++, Intent(Side.Buy, new OrderSize.AllCash(1.0), timeMs), budget, 0);

    private OrderApproved Sell(double quantity, long timeMs = 60_000) =>
        new(timeMs, _nextId++, Intent(Side.Sell, new OrderSize.AllPosition(), timeMs), 0, quantity);

    private static OrderIntent Intent(Side side, OrderSize size, long timeMs) =>
        new(timeMs, "peg", Usdc, side, size, P("1"), "test");

    private static PaperExecution Engine(double participation = 0, long latencyMs = 0) =>
        new(Usdc, new FillModel(TakerFeeBps: 10, MakerFeeBps: 0, SlippageBps: 5, participation, latencyMs));

    [Fact]
    public void PaperExecution_should_fill_a_buy_with_the_reference_formula_bit_for_bit()
    {
        var budget = 1000.0;
        var price = 0.9973;
        var expectedQuantity = budget * (1 - Fee) / (price * (1 + Slip));
        // These budgets and prices were chosen so that any other association of the formula gives other bits.
        Assert.NotEqual(expectedQuantity, budget / (price * (1 + Slip)) * (1 - Fee));
        Assert.NotEqual(expectedQuantity, budget * ((1 - Fee) / (price * (1 + Slip))));
        Assert.NotEqual(expectedQuantity, budget * (1 - Fee) / price / (1 + Slip));
        var engine = Engine();

        engine.Submit(Buy(budget), 60_000);
        engine.OnPrice(60_000, P("0.9973"), 1, _fills);

        var fill = Assert.Single(_fills);
        Exactly(expectedQuantity, fill.Quantity, "quantity");
        Exactly(-budget, fill.CashDelta, "cash delta");
        Exactly(budget * Fee, fill.Fee, "fee");
        Exactly(price * (1 + Slip), fill.FillPrice, "fill price");
        Assert.Equal(P("0.9973"), fill.Price);
        Assert.Equal(Side.Buy, fill.Side);
        Assert.False(fill.Partial);
        Assert.Equal(0, engine.WorkingCount);
    }

    [Fact]
    public void PaperExecution_should_fill_a_sell_with_the_reference_formula_bit_for_bit()
    {
        var quantity = 1234.5678;
        var price = 1.0021;
        var expectedProceeds = quantity * price * (1 - Slip) * (1 - Fee);
        Assert.NotEqual(expectedProceeds, quantity * (price * (1 - Slip)) * (1 - Fee));
        Assert.NotEqual(expectedProceeds, quantity * price * ((1 - Slip) * (1 - Fee)));
        Assert.NotEqual(expectedProceeds, (1 - Fee) * (1 - Slip) * price * quantity);
        var engine = Engine();

        engine.Submit(Sell(quantity), 60_000);
        engine.OnPrice(60_000, P("1.0021"), 1, _fills);

        var fill = Assert.Single(_fills);
        Exactly(expectedProceeds, fill.CashDelta, "proceeds");
        Exactly(quantity, fill.Quantity, "quantity");
        Exactly(quantity * price * (1 - Slip) * Fee, fill.Fee, "fee");
        Exactly(price * (1 - Slip), fill.FillPrice, "fill price");
        Assert.Equal(Side.Sell, fill.Side);
        Assert.Equal("peg", fill.StrategyId);
        Assert.Equal(Usdc, fill.Instrument);
    }

    [Fact]
    public void PaperExecution_should_fill_at_the_first_price_at_or_after_decision_plus_latency()
    {
        var engine = Engine(latencyMs: 1_500);
        engine.Submit(Buy(10, timeMs: 60_000), 60_000);

        engine.OnPrice(60_000, P("0.9900"), 1, _fills);
        engine.OnPrice(61_499, P("0.9910"), 1, _fills);
        Assert.Empty(_fills);

        engine.OnPrice(61_500, P("0.9920"), 1, _fills);
        engine.OnPrice(61_600, P("0.9930"), 1, _fills);

        var fill = Assert.Single(_fills);
        Assert.Equal(61_500, fill.TimeMs);
        Assert.Equal(P("0.9920"), fill.Price);
        Assert.Equal(0, engine.WorkingCount);
    }

    [Fact]
    public void PaperExecution_should_fill_on_the_deciding_bar_when_latency_is_zero()
    {
        var engine = Engine();
        engine.Submit(Buy(10), 120_000);

        engine.OnPrice(120_000, P("0.9950"), 1, _fills);

        Assert.Equal(120_000, Assert.Single(_fills).TimeMs);
    }

    [Fact]
    public void PaperExecution_should_split_a_sell_over_prices_when_the_participation_cap_binds()
    {
        var engine = Engine(participation: 0.1);
        engine.Submit(Sell(25), 60_000);

        engine.OnPrice(60_000, P("1.0100"), 100, _fills);
        engine.OnPrice(120_000, P("1.0200"), 100, _fills);
        Assert.Equal(1, engine.WorkingCount);
        engine.OnPrice(180_000, P("1.0300"), 100, _fills);

        Assert.Equal([10.0, 10.0, 5.0], _fills.Select(f => f.Quantity));
        Assert.Equal([true, true, false], _fills.Select(f => f.Partial));
        Assert.Equal([P("1.0100"), P("1.0200"), P("1.0300")], _fills.Select(f => f.Price));
        Exactly(5 * 1.03 * (1 - Slip) * (1 - Fee), _fills[2].CashDelta, "last proceeds");
        Assert.Equal(0, engine.WorkingCount);
    }

    [Fact]
    public void PaperExecution_should_spend_a_capped_buy_budget_in_proportion_to_the_units_filled()
    {
        var engine = new PaperExecution(Usdc, new FillModel(0, 0, 0, MaxParticipation: 0.5));
        engine.Submit(Buy(100), 60_000);

        engine.OnPrice(60_000, P("2"), 20, _fills); // 50 units wanted, 10 allowed: a fifth of the budget
        engine.OnPrice(120_000, P("2"), 100, _fills);

        Assert.Equal(2, _fills.Count);
        Assert.Equal(10, _fills[0].Quantity, 12);
        Assert.Equal(-20, _fills[0].CashDelta, 12);
        Assert.True(_fills[0].Partial);
        Assert.Equal(40, _fills[1].Quantity, 12);
        Assert.Equal(-80, _fills[1].CashDelta, 12);
        Assert.False(_fills[1].Partial);
        Assert.Equal(-100, _fills.Sum(f => f.CashDelta), 12);
    }

    [Fact]
    public void PaperExecution_should_share_one_price_volume_between_orders_in_submission_order()
    {
        var engine = Engine(participation: 0.1);
        engine.Submit(Sell(8), 60_000);
        engine.Submit(Sell(8), 60_000);

        engine.OnPrice(60_000, P("1"), 100, _fills);

        Assert.Equal([(1L, 8.0, false), (2L, 2.0, true)], _fills.Select(f => (f.OrderId, f.Quantity, f.Partial)));
    }

    [Fact]
    public void PaperExecution_should_fill_nothing_at_zero_volume_while_a_cap_is_on()
    {
        var engine = Engine(participation: 0.1);
        engine.Submit(Sell(8), 60_000);

        engine.OnPrice(60_000, P("1"), 0, _fills);

        Assert.Empty(_fills);
        Assert.Equal(1, engine.WorkingCount);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(double.PositiveInfinity)]
    public void PaperExecution_should_ignore_volume_when_there_is_no_cap(double participation)
    {
        var engine = Engine(participation);
        engine.Submit(Sell(1_000_000), 60_000);

        engine.OnPrice(60_000, P("1"), 0, _fills);

        Assert.Equal(1_000_000, Assert.Single(_fills).Quantity);
    }

    [Fact]
    public void PaperExecution_should_refuse_an_order_for_another_instrument()
    {
        var engine = Engine();
        var order = Buy(10) with { Intent = Intent(Side.Buy, new OrderSize.AllCash(1), 0) with { Instrument = new InstrumentId("binance", "USDC/USDT") } };

        var error = Assert.Throws<ArgumentException>(() => engine.Submit(order, 0));

        Assert.Contains("binance:USDC/USDT", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PaperExecution_should_refuse_an_order_with_nothing_to_trade()
    {
        Assert.Throws<ArgumentException>(() => Engine().Submit(Buy(0), 0));
        Assert.Throws<ArgumentException>(() => Engine().Submit(Sell(0), 0));
    }
}
