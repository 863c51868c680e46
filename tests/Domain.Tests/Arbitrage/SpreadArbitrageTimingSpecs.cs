using ActorArb.Domain.Arbitrage;
using ActorArb.Domain.Events;
using ActorArb.Domain.Market;
using static ActorArb.Domain.Tests.Arbitrage.SpreadTestData;

namespace ActorArb.Domain.Tests.Arbitrage;

public sealed class SpreadArbitrageTimingSpecs
{
    [Fact]
    public void SpreadArbitrage_should_evaluate_at_once_when_every_leg_has_closed_the_bar()
    {
        var engine = new SpreadArbitrage(Options());

        var first = Feed(engine, Bar(A, T, "1"));
        Assert.Empty(first);
        Assert.Empty(engine.Equity);

        var second = Feed(engine, Bar(B, T, "1.0031"));

        Assert.Single(second.OfType<ArbitrageExecuted>());
        Assert.Equal(T, Assert.Single(engine.Equity).TimeMs);
    }

    [Fact]
    public void SpreadArbitrage_should_evaluate_a_pending_time_when_a_later_candle_arrives()
    {
        var engine = new SpreadArbitrage(Options());
        Feed(engine, Bar(A, T - Minute, "1"), Bar(B, T - Minute, "1"), Bar(A, T, "0.99"));
        Assert.Single(engine.Equity);

        var events = Feed(engine, Bar(A, T + Minute, "0.5"));

        // Kraken at 0.99 against binance's 1 from a minute earlier: binance is not tradable at T.
        Assert.Empty(events);
        Assert.Equal(2, engine.Equity.Count);
        var point = engine.Equity[1];
        Assert.Equal(T, point.TimeMs);
        Assert.Equal(1000 + (1000 * 0.99) + 1000 + (1000 * 1.0), point.Equity, 1e-9);
        Assert.Equal(new SpreadCounters(2, 0, 0, 0, 0, 0), engine.Counters);
    }

    [Fact]
    public void SpreadArbitrage_should_take_a_late_candle_as_a_quote_without_evaluating_its_time_again()
    {
        var engine = new SpreadArbitrage(Options());
        Feed(engine, Bar(A, T - Minute, "1"), Bar(B, T - Minute, "1"), Bar(A, T, "1"), Bar(A, T + Minute, "1"));
        Assert.Equal(2, engine.Equity.Count);

        var late = Feed(engine, Bar(B, T, "1.5"));

        Assert.Empty(late);
        Assert.Equal(2, engine.Equity.Count);
        Assert.Equal((Price.Parse("1.5"), T), (engine.Accounts[1].LastClose, engine.Accounts[1].LastCloseTimeMs));

        var complete = Feed(engine, Bar(B, T + Minute, "1"));

        Assert.Empty(complete);
        Assert.Equal([T - Minute, T, T + Minute], engine.Equity.Select(p => p.TimeMs));
    }

    [Fact]
    public void SpreadArbitrage_should_ignore_a_late_candle_older_than_the_quote_it_holds()
    {
        var engine = new SpreadArbitrage(Options());
        Feed(engine, Bar(A, T, "1"), Bar(B, T, "1"), Bar(A, T + Minute, "1"));

        Feed(engine, Bar(B, T - Minute, "2"));

        Assert.Equal((Price.Parse("1"), T), (engine.Accounts[1].LastClose, engine.Accounts[1].LastCloseTimeMs));
    }

    [Fact]
    public void SpreadArbitrage_should_ignore_a_second_candle_for_a_bar_it_already_holds()
    {
        var engine = new SpreadArbitrage(Options());
        Feed(engine, Bar(A, T, "1"));

        var events = Feed(engine, Bar(A, T, "0.9"), Bar(B, T, "1.0031"));

        Assert.Equal(Price.Parse("1"), engine.Accounts[0].LastClose);
        Assert.Equal(Price.Parse("1"), events.OfType<ArbitrageExecuted>().Single().BuyClose);
    }

    [Fact]
    public void Flush_should_evaluate_the_pending_time_once()
    {
        var engine = new SpreadArbitrage(Options());
        var output = new List<IDomainEvent>();
        engine.Flush(output);
        Feed(engine, Bar(A, T - Minute, "1"), Bar(B, T - Minute, "1"), Bar(A, T, "1"));
        Assert.Single(engine.Equity);

        engine.Flush(output);
        engine.Flush(output);

        Assert.Equal([T - Minute, T], engine.Equity.Select(p => p.TimeMs));
        Assert.Empty(output);
    }

    [Theory]
    [InlineData(0.0, CandleFlags.None)]
    [InlineData(500.0, CandleFlags.Flat)]
    [InlineData(double.NaN, CandleFlags.None)]
    public void SpreadArbitrage_should_not_trade_a_leg_whose_bar_is_flat_or_without_volume(double volume, CandleFlags flags)
    {
        var engine = new SpreadArbitrage(Options());

        var events = Feed(engine, Bar(A, T, "1"), Bar(B, T, "1.01", volume, flags));

        Assert.Empty(events);
        Assert.Single(engine.Equity);
        Assert.Equal(new SpreadCounters(1, 0, 0, 0, 0, 0), engine.Counters);
    }

    [Fact]
    public void SpreadArbitrage_should_neither_wait_for_nor_trade_a_stale_leg()
    {
        var engine = new SpreadArbitrage(Options([Leg(A), Leg(B), Leg(C)], maxQuoteAgeMs: 2 * Minute));
        Feed(engine, Bar(C, T - (3 * Minute), "0.99"));

        var events = Feed(engine, Bar(A, T, "1"), Bar(B, T, "1.0031"));

        var executed = events.OfType<ArbitrageExecuted>().Single();
        Assert.Equal((A, B), (executed.BuyLeg, executed.SellLeg));
        Assert.Equal(T, Assert.Single(engine.Equity).TimeMs);
    }

    [Fact]
    public void SpreadArbitrage_should_wait_for_a_leg_whose_quote_is_not_stale()
    {
        var engine = new SpreadArbitrage(Options([Leg(A), Leg(B), Leg(C)], maxQuoteAgeMs: 2 * Minute));
        Feed(engine, Bar(C, T - (2 * Minute), "0.99"));

        var events = Feed(engine, Bar(A, T, "1"), Bar(B, T, "1.0031"));

        Assert.Empty(events);
        Assert.Empty(engine.Equity);
        var output = new List<IDomainEvent>();
        engine.Flush(output);
        Assert.Equal((A, B), output.OfType<ArbitrageExecuted>().Select(e => (e.BuyLeg, e.SellLeg)).Single());
    }

    [Fact]
    public void SpreadArbitrage_should_not_evaluate_until_every_leg_has_a_quote()
    {
        var engine = new SpreadArbitrage(Options());

        var events = Feed(engine, Bar(A, T, "1"), Bar(A, T + Minute, "1"), Bar(A, T + (2 * Minute), "1"));
        engine.Flush(events);

        Assert.Empty(events);
        Assert.Empty(engine.Equity);
        Assert.Equal(new SpreadCounters(0, 0, 0, 0, 0, 0), engine.Counters);
        Assert.True(double.IsNaN(engine.InitialEquity));
        Assert.False(engine.Accounts[1].HasQuote);
        Assert.Equal(SpreadArbitrage.NoQuoteMs, engine.Accounts[1].LastCloseTimeMs);
    }

    [Fact]
    public void SpreadArbitrage_should_ignore_other_timeframes_and_instruments()
    {
        var engine = new SpreadArbitrage(Options());
        var fiveMinutes = new Timeframe(5 * Minute);
        var price = Price.Parse("0.5");

        var events = Feed(engine,
            new Candle(A, fiveMinutes, T - (5 * Minute), price, price, price, price, 100, 1, CandleFlags.None),
            Bar(new InstrumentId("kraken", "USDT/USD"), T, "0.5"),
            Bar(new InstrumentId("bitstamp", "USDC/USDT"), T, "0.5"));
        engine.Flush(events);

        Assert.Empty(events);
        Assert.All(engine.Accounts, a => Assert.False(a.HasQuote));
        Assert.Empty(engine.Equity);
    }

    [Fact]
    public void SpreadArbitrage_should_give_the_same_bits_whichever_leg_closes_the_bar_first()
    {
        var forward = new SpreadArbitrage(Options());
        var backward = new SpreadArbitrage(Options());
        var candles = new[] { Bar(A, T, "1"), Bar(B, T, "1.0031"), Bar(A, T + Minute, "1.0042"), Bar(B, T + Minute, "0.9991") };

        var forwardEvents = Feed(forward, candles[0], candles[1], candles[2], candles[3]);
        var backwardEvents = Feed(backward, candles[1], candles[0], candles[3], candles[2]);

        Assert.Equal(6, forwardEvents.Count);
        Assert.Equal(ToJson(forwardEvents), ToJson(backwardEvents));
        Assert.Equal(ToJson(forward.Export()), ToJson(backward.Export()));
    }
}
