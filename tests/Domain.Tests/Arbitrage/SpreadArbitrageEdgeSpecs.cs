using ActorArb.Domain.Arbitrage;
using ActorArb.Domain.Events;
using ActorArb.Domain.Market;
using static ActorArb.Domain.Tests.Arbitrage.SpreadTestData;

namespace ActorArb.Domain.Tests.Arbitrage;

public sealed class SpreadArbitrageEdgeSpecs
{
    [Fact]
    public void NetEdgeBps_should_match_the_hand_computed_edge_after_both_fees_and_the_buffer()
    {
        // cost = 1 * 1.0005 * 1.001 = 1.0015005; proceeds = 1.0031 * 0.9995 * 0.999 = 1.00159585155.
        Assert.Equal(0.952086893616129, SpreadArbitrage.NetEdgeBps(Price.Parse("1"), Price.Parse("1.0031"), 10, 10, 5), 1e-9);

        // A 30 bps spread does not cover 20 bps of fees plus 2 * 5 bps of buffer.
        Assert.Equal(-0.0449176011394902, SpreadArbitrage.NetEdgeBps(Price.Parse("1"), Price.Parse("1.0030"), 10, 10, 5), 1e-9);
    }

    [Fact]
    public void SpreadArbitrage_should_not_trade_when_the_spread_is_exactly_break_even()
    {
        // No buffer, no buy fee, a 50 % sell fee: selling at 2 nets exactly the 1 the buy costs.
        var engine = new SpreadArbitrage(Options([Leg(A, feeBps: 0), Leg(B, feeBps: 5000)], bufferBps: 0, slippageBps: 0));

        var events = Feed(engine, Bar(A, T, "1"), Bar(B, T, "2"));

        Assert.Equal(0.0, SpreadArbitrage.NetEdgeBps(Price.Parse("1"), Price.Parse("2"), 0, 5000, 0));
        Assert.Empty(events);
        Assert.Equal(new SpreadCounters(1, 0, 0, 0, 0, 0), engine.Counters);
    }

    [Fact]
    public void SpreadArbitrage_should_trade_when_the_spread_is_one_price_unit_above_break_even()
    {
        var engine = new SpreadArbitrage(Options([Leg(A, feeBps: 0), Leg(B, feeBps: 5000)], bufferBps: 0, slippageBps: 0));

        var events = Feed(engine, Bar(A, T, "1"), Bar(B, T, "2.000000001"));

        var executed = Assert.IsType<ArbitrageExecuted>(events[0]);
        Assert.InRange(executed.NetEdgeBps, 1e-6, 1e-4);
        Assert.Equal(A, executed.BuyLeg);
        Assert.Equal(B, executed.SellLeg);
    }

    [Fact]
    public void SpreadArbitrage_should_not_trade_equal_closes_without_fees_but_should_one_unit_apart()
    {
        var options = Options([Leg(A, feeBps: 0), Leg(B, feeBps: 0)], bufferBps: 0, slippageBps: 0);
        var flat = new SpreadArbitrage(options);
        var apart = new SpreadArbitrage(options);

        Assert.Empty(Feed(flat, Bar(A, T, "0.9998"), Bar(B, T, "0.9998")));
        Assert.Single(Feed(apart, Bar(A, T, "0.9998"), Bar(B, T, "0.999800001")).OfType<ArbitrageExecuted>());
    }

    [Theory]
    [InlineData(1.0, false)]
    [InlineData(0.9520868, true)]
    [InlineData(0.9520870, false)]
    public void SpreadArbitrage_should_trade_only_when_the_net_edge_reaches_the_minimum(double minEdgeBps, bool trades)
    {
        var engine = new SpreadArbitrage(Options(minEdgeBps: minEdgeBps));

        var events = Feed(engine, Bar(A, T, "1"), Bar(B, T, "1.0031"));

        Assert.Equal(trades, events.Count > 0);
        Assert.Equal(trades ? 1 : 0, engine.Counters.Opportunities);
    }

    [Fact]
    public void SpreadArbitrage_should_fill_at_the_actual_slippage_with_both_fees()
    {
        var engine = new SpreadArbitrage(Options());

        var events = Feed(engine, Bar(A, T, "1"), Bar(B, T, "1.0031"));

        // fill_buy = 1 * 1.0002; fill_sell = 1.0031 * 0.9998 = 1.00289938; q = max-units 100.
        Assert.Equal(3, events.Count);
        var executed = Assert.IsType<ArbitrageExecuted>(events[0]);
        Assert.Equal((T, "spread-test", 1L, A, B, 100.0), (executed.TimeMs, executed.StrategyId, executed.Sequence, executed.BuyLeg, executed.SellLeg, executed.Quantity));
        Assert.Equal((Price.Parse("1"), Price.Parse("1.0031")), (executed.BuyClose, executed.SellClose));
        Assert.Equal(1.0002, executed.BuyFillPrice, 1e-15);
        Assert.Equal(1.00289938, executed.SellFillPrice, 1e-15);
        Assert.Equal(0.10002, executed.BuyFee, 1e-12);
        Assert.Equal(0.100289938, executed.SellFee, 1e-12);
        Assert.Equal(0.069628062, executed.NetPnl, 1e-11);
        Assert.Equal(0.952086893616129, executed.NetEdgeBps, 1e-9);

        var buy = Assert.IsType<OrderFilled>(events[1]);
        Assert.Equal((T, 1L, "spread-test", A, Side.Buy, Price.Parse("1"), 100.0, false), (buy.TimeMs, buy.OrderId, buy.StrategyId, buy.Instrument, buy.Side, buy.Price, buy.Quantity, buy.Partial));
        Assert.Equal(-100.12002, buy.CashDelta, 1e-11);
        Assert.Equal(executed.BuyFee, buy.Fee);
        var sell = Assert.IsType<OrderFilled>(events[2]);
        Assert.Equal((T, 1L, B, Side.Sell, Price.Parse("1.0031"), 100.0), (sell.TimeMs, sell.OrderId, sell.Instrument, sell.Side, sell.Price, sell.Quantity));
        Assert.Equal(100.189648062, sell.CashDelta, 1e-11);
        Assert.Equal(executed.NetPnl, sell.CashDelta + buy.CashDelta);

        var accounts = engine.Accounts;
        Assert.Equal(1000 - 100.12002, accounts[0].Cash, 1e-11);
        Assert.Equal(1100.0, accounts[0].Units);
        Assert.Equal(1000 + 100.189648062, accounts[1].Cash, 1e-11);
        Assert.Equal(900.0, accounts[1].Units);

        var trade = Assert.Single(engine.Trades);
        Assert.Equal((A, T, (long?)T, 100.0), (trade.Instrument, trade.EntryTimeMs, trade.ExitTimeMs, trade.Quantity));
        Assert.Equal((executed.BuyFillPrice, executed.SellFillPrice), (trade.EntryPrice, trade.ExitPrice));
        Assert.Equal((-buy.CashDelta, sell.CashDelta, executed.NetPnl), (trade.EntryCost, trade.ExitValue, trade.Pnl));
        Assert.Equal(executed.BuyFee + executed.SellFee, trade.Fees);
        Assert.Equal(0.069628062 / 100.12002, trade.Return, 1e-12);
    }

    [Fact]
    public void SpreadArbitrage_should_buy_on_the_second_leg_when_it_is_the_cheaper_one()
    {
        var engine = new SpreadArbitrage(Options());

        var events = Feed(engine, Bar(A, T, "1.0031"), Bar(B, T, "1"));

        var executed = Assert.IsType<ArbitrageExecuted>(events[0]);
        Assert.Equal((B, A), (executed.BuyLeg, executed.SellLeg));
        Assert.Equal(0.069628062, executed.NetPnl, 1e-11);
        Assert.Equal(B, engine.Trades[0].Instrument);
    }

    [Fact]
    public void SpreadArbitrage_should_value_equity_at_each_legs_close_and_start_from_the_first_evaluated_closes()
    {
        var engine = new SpreadArbitrage(Options());
        Assert.True(double.IsNaN(engine.InitialEquity));

        Feed(engine, Bar(A, T, "1"), Bar(B, T, "1.0031"));

        // Before the trade: 1000 + 1000 * 1 + 1000 + 1000 * 1.0031.
        Assert.Equal(4003.1, engine.InitialEquity, 1e-9);
        var accounts = engine.Accounts;
        var expected = 0.0;
        expected += accounts[0].Cash + (accounts[0].Units * 1.0);
        expected += accounts[1].Cash + (accounts[1].Units * 1.0031);
        var point = Assert.Single(engine.Equity);
        Assert.Equal(new ActorArb.Domain.Portfolio.EquityPoint(T, expected, InMarket: false), point);
    }
}
