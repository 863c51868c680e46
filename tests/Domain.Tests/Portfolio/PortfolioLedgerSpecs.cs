using ActorArb.Domain.Events;
using ActorArb.Domain.Market;
using ActorArb.Domain.Portfolio;
using static ActorArb.Domain.Tests.Strategies.TradingTestData;

namespace ActorArb.Domain.Tests.Portfolio;

public sealed class PortfolioLedgerSpecs
{
    private static readonly InstrumentId Usdt = new("binance", "USDC/USDT");

    private static OrderFilled BuyFill(long timeMs, string price, double quantity, double spent, double fee = 0, InstrumentId? instrument = null) =>
        new(timeMs, 1, "peg", instrument ?? Usdc, Side.Buy, P(price), P(price).ToDouble(), quantity, fee, -spent, false);

    private static OrderFilled SellFill(long timeMs, string price, double quantity, double proceeds, double fee = 0) =>
        new(timeMs, 2, "peg", Usdc, Side.Sell, P(price), P(price).ToDouble(), quantity, fee, proceeds, false);

    [Fact]
    public void PortfolioLedger_should_hold_exactly_the_cash_as_equity_when_flat()
    {
        var ledger = new PortfolioLedger(0.7310585786300049);
        ledger.Mark(Usdc, P("0.9973"));

        Exactly(0.7310585786300049, ledger.Equity);
        Assert.False(ledger.HasPosition);
    }

    [Fact]
    public void PortfolioLedger_should_leave_exactly_zero_cash_and_units_times_close_equity_after_buying_all_cash()
    {
        const double cash = 0.7310585786300049;
        var units = cash * (1 - 0.001) / 0.9973;
        var ledger = new PortfolioLedger(cash);

        ledger.Apply(BuyFill(60_000, "0.9973", units, cash, fee: cash * 0.001));
        ledger.Mark(Usdc, P("1.0004"));

        Exactly(0.0, ledger.Cash, "cash");
        Exactly(units * 1.0004, ledger.Equity, "equity");
        Assert.Equal(units, ledger.PositionOf(Usdc));
        Assert.True(ledger.HasPosition);
        Assert.Equal(new EquityPoint(120_000, units * 1.0004, InMarket: true), ledger.Point(120_000));
    }

    [Fact]
    public void PortfolioLedger_should_hold_exactly_the_proceeds_after_a_round_trip()
    {
        var ledger = new PortfolioLedger(1.0);
        const double proceeds = 1.0123456789;

        ledger.Apply(BuyFill(60_000, "0.9973", 1.0016, 1.0, fee: 0.001));
        ledger.Apply(SellFill(180_000, "1.0021", 1.0016, proceeds, fee: 0.001));

        Exactly(proceeds, ledger.Cash, "cash");
        Exactly(proceeds, ledger.Equity, "equity");
        Assert.Equal(0, ledger.PositionOf(Usdc));
        Assert.Equal(proceeds - 1.0, ledger.RealisedPnl, 15);
        Assert.Equal(0.002, ledger.FeesPaid, 15);
    }

    [Fact]
    public void PortfolioLedger_should_record_a_closed_round_trip_trade()
    {
        var ledger = new PortfolioLedger(100);

        ledger.Apply(BuyFill(60_000, "0.99", 50, 49.5, fee: 0.05));
        ledger.Apply(BuyFill(120_000, "0.98", 50, 49, fee: 0.05));
        ledger.Apply(SellFill(300_000, "1.01", 100, 100.9, fee: 0.1));

        var trade = Assert.Single(ledger.ClosedTrades);
        Assert.Equal(60_000, trade.EntryTimeMs);
        Assert.Equal(300_000, trade.ExitTimeMs);
        Assert.False(trade.IsOpen);
        Assert.Equal(0.985, trade.EntryPrice, 12);
        Assert.Equal(1.01, trade.ExitPrice, 12);
        Assert.Equal(100, trade.Quantity);
        Assert.Equal(98.5, trade.EntryCost, 12);
        Assert.Equal(100.9, trade.ExitValue, 12);
        Assert.Equal(2.4, trade.Pnl, 12);
        Assert.Equal(2.4 / 98.5, trade.Return, 12);
        Assert.Equal(0.2, trade.Fees, 12);
        Assert.Equal(1, ledger.EntryCount);
    }

    [Fact]
    public void PortfolioLedger_should_report_an_open_trade_at_the_mark_without_exit_fee()
    {
        var ledger = new PortfolioLedger(10);
        ledger.Apply(BuyFill(60_000, "1", 10, 10));
        ledger.Mark(Usdc, P("1.02"));

        var trade = Assert.Single(ledger.Trades());

        Assert.True(trade.IsOpen);
        Assert.Null(trade.ExitTimeMs);
        Assert.Equal(1.02, trade.ExitPrice);
        Assert.Equal(10.2, trade.ExitValue, 12);
        Assert.Equal(0.2, trade.Pnl, 12);
        Assert.Empty(ledger.ClosedTrades);
        Assert.Equal(1, ledger.EntryCount);
    }

    [Fact]
    public void PortfolioLedger_should_keep_a_trade_open_until_partial_sells_bring_units_to_zero()
    {
        var ledger = new PortfolioLedger(100);
        ledger.Apply(BuyFill(60_000, "1", 100, 100));

        ledger.Apply(SellFill(120_000, "1.1", 40, 44));
        Assert.Empty(ledger.ClosedTrades);
        Assert.Equal(4, ledger.RealisedPnl, 12);
        Assert.Equal(60, ledger.HoldingOf(Usdc).CostBasis, 12);
        Assert.Equal(1, ledger.HoldingOf(Usdc).AverageEntry, 12);

        ledger.Apply(SellFill(180_000, "0.9", 60, 54));

        var trade = Assert.Single(ledger.ClosedTrades);
        Assert.Equal(180_000, trade.ExitTimeMs);
        Assert.Equal((44 + 54) / 100.0, trade.ExitPrice, 12);
        Assert.Equal(-2, trade.Pnl, 12);
        Assert.Equal(-2, ledger.RealisedPnl, 12);
        Assert.Equal(0, ledger.HoldingOf(Usdc).CostBasis);
    }

    [Fact]
    public void PortfolioLedger_should_start_a_new_trade_after_returning_to_flat()
    {
        var ledger = new PortfolioLedger(100);
        ledger.Apply(BuyFill(60_000, "1", 100, 100));
        ledger.Apply(SellFill(120_000, "1", 100, 100));
        ledger.Apply(BuyFill(180_000, "0.5", 200, 100, fee: 0.3));

        var trades = ledger.Trades();

        Assert.Equal(2, trades.Count);
        Assert.Equal(180_000, trades[1].EntryTimeMs);
        Assert.Equal(0.3, trades[1].Fees);
        Assert.Equal(200, trades[1].Quantity);
        Assert.Equal(2, ledger.EntryCount);
    }

    [Fact]
    public void PortfolioLedger_should_refuse_to_sell_more_than_it_holds()
    {
        var ledger = new PortfolioLedger(100);
        ledger.Apply(BuyFill(60_000, "1", 10, 10));

        var error = Assert.Throws<InvalidOperationException>(() => ledger.Apply(SellFill(120_000, "1", 11, 11)));

        Assert.Contains("only 10 are held", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PortfolioLedger_should_value_every_instrument_at_its_own_mark()
    {
        var ledger = new PortfolioLedger(100);
        ledger.Apply(BuyFill(60_000, "1", 30, 30));
        ledger.Apply(BuyFill(60_000, "0.5", 40, 20, instrument: Usdt));

        ledger.Mark(Usdc, P("1.1"));
        ledger.Mark(Usdt, P("0.6"));

        Assert.Equal(50 + (30 * 1.1) + (40 * 0.6), ledger.Equity, 12);
        Assert.Equal([Usdc, Usdt], ledger.Holdings.Select(h => h.Instrument));
        Assert.Equal(new PortfolioValued(60_000, 50, ledger.Equity, 0), ledger.Valued(60_000));
    }

    [Fact]
    public void PortfolioLedger_should_refuse_negative_initial_cash()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PortfolioLedger(-1));
    }
}
