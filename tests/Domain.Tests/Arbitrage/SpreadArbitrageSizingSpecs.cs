using ActorArb.Domain.Arbitrage;
using ActorArb.Domain.Events;
using static ActorArb.Domain.Tests.Arbitrage.SpreadTestData;

namespace ActorArb.Domain.Tests.Arbitrage;

public sealed class SpreadArbitrageSizingSpecs
{
    private static ArbitrageExecuted Arbitrage(SpreadArbitrage engine, double volumeA = 500, double volumeB = 500) =>
        Feed(engine, Bar(A, T, "1", volumeA), Bar(B, T, "1.0031", volumeB)).OfType<ArbitrageExecuted>().Single();

    [Fact]
    public void SpreadArbitrage_should_spend_exactly_the_cheap_legs_cash_when_cash_limits_the_quantity()
    {
        // One unit costs 1.0002 * 1.001 = 1.0012002 with slippage and fee, so 10.012002 buys 10 units.
        var engine = new SpreadArbitrage(Options([Leg(A, cash: 10.012002), Leg(B)]));

        var executed = Arbitrage(engine);

        Assert.Equal(10.0, executed.Quantity, 1e-12);
        Assert.Equal(0.0, engine.Accounts[0].Cash);
        Assert.Equal(1000 + executed.Quantity, engine.Accounts[0].Units);
    }

    [Fact]
    public void SpreadArbitrage_should_sell_at_most_the_dear_legs_units()
    {
        var engine = new SpreadArbitrage(Options([Leg(A), Leg(B, units: 7)]));

        var executed = Arbitrage(engine);

        Assert.Equal(7.0, executed.Quantity);
        Assert.Equal(0.0, engine.Accounts[1].Units);
    }

    [Fact]
    public void SpreadArbitrage_should_trade_at_most_max_units()
    {
        var engine = new SpreadArbitrage(Options(maxUnits: 5));

        Assert.Equal(5.0, Arbitrage(engine).Quantity);
    }

    [Theory]
    [InlineData(30, 1000)]
    [InlineData(1000, 30)]
    public void SpreadArbitrage_should_cap_the_quantity_at_its_share_of_either_legs_volume(double volumeA, double volumeB)
    {
        var engine = new SpreadArbitrage(Options(maxParticipation: 0.1));

        Assert.Equal(3.0, Arbitrage(engine, volumeA, volumeB).Quantity, 1e-12);
    }

    [Fact]
    public void SpreadArbitrage_should_skip_for_inventory_when_the_dear_leg_holds_less_than_min_units()
    {
        var engine = new SpreadArbitrage(Options([Leg(A), Leg(B, units: 0.5)], minUnits: 1));

        var events = Feed(engine, Bar(A, T, "1"), Bar(B, T, "1.0031"));

        Assert.Empty(events);
        Assert.Equal(new SpreadCounters(1, 1, 0, 1, 0, 0), engine.Counters);
        Assert.Empty(engine.Trades);
        Assert.Equal(0.5, engine.Accounts[1].Units);
    }

    [Fact]
    public void SpreadArbitrage_should_skip_for_inventory_when_the_cheap_leg_has_no_cash_even_without_min_units()
    {
        var engine = new SpreadArbitrage(Options([Leg(A, cash: 0), Leg(B)]));

        Assert.Empty(Feed(engine, Bar(A, T, "1"), Bar(B, T, "1.0031")));
        Assert.Equal(new SpreadCounters(1, 1, 0, 1, 0, 0), engine.Counters);
    }

    [Fact]
    public void SpreadArbitrage_should_skip_for_volume_when_the_participation_cap_is_below_min_units()
    {
        var engine = new SpreadArbitrage(Options(minUnits: 1, maxParticipation: 0.001));

        Assert.Empty(Feed(engine, Bar(A, T, "1", 500), Bar(B, T, "1.0031", 900)));
        Assert.Equal(new SpreadCounters(1, 1, 0, 0, 1, 0), engine.Counters);
    }

    [Fact]
    public void SpreadArbitrage_should_trade_another_qualifying_pair_when_the_best_one_lacks_inventory()
    {
        // Buying on kraken and selling on coinbase pays best, but coinbase holds no units.
        var engine = new SpreadArbitrage(Options([Leg(A), Leg(B), Leg(C, units: 0)]));

        var events = Feed(engine, Bar(A, T, "1"), Bar(B, T, "1.0035"), Bar(C, T, "1.0060"));

        var executed = Assert.IsType<ArbitrageExecuted>(events[0]);
        Assert.Equal((A, B), (executed.BuyLeg, executed.SellLeg));
        Assert.Equal(new SpreadCounters(1, 1, 1, 0, 0, 0), engine.Counters);
    }
}
