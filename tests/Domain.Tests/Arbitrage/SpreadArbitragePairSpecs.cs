using ActorArb.Domain.Arbitrage;
using ActorArb.Domain.Events;
using static ActorArb.Domain.Tests.Arbitrage.SpreadTestData;

namespace ActorArb.Domain.Tests.Arbitrage;

public sealed class SpreadArbitragePairSpecs
{
    private static SpreadArbitrage ThreeLegs() => new(Options([Leg(A), Leg(B), Leg(C)]));

    [Fact]
    public void SpreadArbitrage_should_buy_the_cheapest_and_sell_the_dearest_of_three_legs()
    {
        var engine = ThreeLegs();

        var events = Feed(engine, Bar(A, T, "1.0040"), Bar(B, T, "1.0000"), Bar(C, T, "1.0020"));

        var executed = Assert.IsType<ArbitrageExecuted>(events[0]);
        Assert.Equal((B, A), (executed.BuyLeg, executed.SellLeg));
        Assert.Equal(SpreadArbitrage.NetEdgeBps(executed.BuyClose, executed.SellClose, 10, 10, 5), executed.NetEdgeBps);
        Assert.Equal(3, events.Count);
    }

    [Fact]
    public void SpreadArbitrage_should_pick_the_earliest_leg_among_equally_cheap_ones()
    {
        var engine = ThreeLegs();

        var events = Feed(engine, Bar(C, T, "1"), Bar(B, T, "1"), Bar(A, T, "1.0040"));

        Assert.Equal((B, A), events.OfType<ArbitrageExecuted>().Select(e => (e.BuyLeg, e.SellLeg)).Single());
    }

    [Fact]
    public void SpreadArbitrage_should_pick_the_earliest_leg_among_equally_dear_ones()
    {
        var engine = ThreeLegs();

        var events = Feed(engine, Bar(A, T, "1"), Bar(C, T, "1.0040"), Bar(B, T, "1.0040"));

        Assert.Equal((A, B), events.OfType<ArbitrageExecuted>().Select(e => (e.BuyLeg, e.SellLeg)).Single());
    }

    [Fact]
    public void SpreadArbitrage_should_trade_at_most_once_per_evaluated_time()
    {
        var engine = new SpreadArbitrage(Options([Leg(A), Leg(B), Leg(C)], maxUnits: 1));

        var events = Feed(engine, Bar(A, T, "1"), Bar(B, T, "1.0040"), Bar(C, T, "1.0040"), Bar(A, T + Minute, "1"), Bar(B, T + Minute, "1.0040"), Bar(C, T + Minute, "1.0040"));

        Assert.Equal([1L, 2L], events.OfType<ArbitrageExecuted>().Select(e => e.Sequence));
        Assert.Equal([T, T + Minute], events.OfType<ArbitrageExecuted>().Select(e => e.TimeMs));
        Assert.Equal(2, engine.Equity.Count);
    }

    [Fact]
    public void SpreadArbitrage_should_record_equity_but_never_trade_while_halted()
    {
        var engine = new SpreadArbitrage(Options());
        engine.SetHalted(true);

        var halted = Feed(engine, Bar(A, T, "1"), Bar(B, T, "1.0031"), Bar(A, T + Minute, "1"), Bar(B, T + Minute, "1"));

        Assert.Empty(halted);
        Assert.True(engine.IsHalted);
        Assert.Equal(2, engine.Equity.Count);
        Assert.Equal(new SpreadCounters(2, 1, 0, 0, 0, 1), engine.Counters);
        Assert.Equal(1000.0, engine.Accounts[0].Units);

        engine.SetHalted(false);
        var resumed = Feed(engine, Bar(A, T + (2 * Minute), "1"), Bar(B, T + (2 * Minute), "1.0031"));

        Assert.Single(resumed.OfType<ArbitrageExecuted>());
        Assert.Equal(new SpreadCounters(3, 2, 1, 0, 0, 1), engine.Counters);
    }
}
