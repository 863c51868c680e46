using ActorArb.Domain.Events;
using ActorArb.Domain.Market;
using ActorArb.Domain.Regimes;

namespace ActorArb.Actors.Tests.Persistence.Serialization;

/// <summary>One instance of every domain event, with values that catch lossy encodings (9-decimal prices, NaN).</summary>
internal static class DomainEventSamples
{
    private static readonly InstrumentId Usdc = new("kraken", "USDC/USD");

    public static IDomainEvent[] All()
    {
        var candle = new Candle(Usdc, Timeframe.Parse("4h"), 1_700_000_000_000, Price.Parse("0.999912345"), Price.Parse("1.000000001"), Price.Parse("0.9871"), Price.Parse("0.9973"), 1234.5678, 42, CandleFlags.Flat | CandleFlags.Partial);
        var buy = new OrderIntent(1_700_000_060_000, "peg-1", Usdc, Side.Buy, new OrderSize.AllCash(0.5), Price.Parse("0.9973"), "close 0.9973 <= buy 0.9973");
        var sell = new OrderIntent(1_700_000_120_000, "peg-1", Usdc, Side.Sell, new OrderSize.AllPosition(), Price.Parse("1.0001"), "close >= sell");
        var units = new OrderIntent(1_700_000_180_000, "grid", new InstrumentId("binance", "BTC/USDT"), Side.Buy, new OrderSize.Units(0.125), Price.Parse("28165.47"), "grid level 3");
        return
        [
            new CandleClosed(candle),
            new RegimeChanged(Usdc, 1_700_000_000_000, Regime.PegStable, Regime.Depeg, "peg deviation 0.0312 >= 0.02", new RegimeMeasures(-0.0123, double.NaN, 0.0312)),
            buy,
            new OrderApproved(1_700_000_060_000, 7, buy, 1000.25, 0),
            new OrderRejected(1_700_000_120_000, sell, "max position 100 exceeded: 150"),
            new OrderApproved(1_700_000_180_000, 8, units, 0, 0.125),
            new OrderFilled(1_700_000_060_500, 7, "peg-1", Usdc, Side.Buy, Price.Parse("0.9974"), 0.99749974, 1002.2, 0.8, -1000.25, true),
            new TradingHalted(1_700_000_200_000, "regime DEPEG on kraken:USDC/USD"),
            new TradingResumed(1_700_000_300_000, "all halts cleared"),
            new PortfolioValued(1_700_000_400_000, 0.1 + 0.2, 10_000.000000001, -3.5e-7),
            new OptimizationCompleted(
                1_700_000_500_000,
                "23c441d4ad065811",
                "9f2e",
                "timeframes=1m\nbuy=0.9973",
                "FinalEquity",
                10_000,
                10_000,
                [
                    new OptimizationCandidate("1m", 0.9973m, 1.0021m, 1.2691373509470525, 84, 0.008888445021472185, 1.2691373509470525),
                    new OptimizationCandidate("4h", null, null, 1.0071713216439642, 1, 0.008232, 1.0071713216439642, "timeframe=4h swing.reversal-pct=1.4"),
                ],
                3.050206),
            new FeedGapDetected(Usdc, 1_700_000_600_000, "18446744073709551620", "18446744073709551625", 1_700_000_590_000, 1_700_000_600_000, "trade id gap 18446744073709551621..18446744073709551624"),
            new FeedConnectionChanged("kraken", 1_700_000_700_000, false, "no message for 30 s"),
            new ArbitrageExecuted(1_700_000_760_000, "usdc-spread", 3, new InstrumentId("binance", "USDC/USDT"), new InstrumentId("kraken", "USDC/USDT"), 1000, Price.Parse("0.9950"), Price.Parse("1.0012"), 0.99509950, 1.00109988, 0.09950995, 0.260285968, 5.6384417, 56.38),
        ];
    }
}
