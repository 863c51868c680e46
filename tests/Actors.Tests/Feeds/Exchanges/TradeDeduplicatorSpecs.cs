using ActorArb.Actors.Feeds.Exchanges;
using ActorArb.Domain.Market;

namespace ActorArb.Actors.Tests.Feeds.Exchanges;

public sealed class TradeDeduplicatorSpecs
{
    private static readonly InstrumentId Usdc = new("kraken", "USDC/USD");
    private static readonly InstrumentId Btc = new("kraken", "BTC/USD");

    [Fact]
    public void IsNew_should_accept_a_trade_once_and_refuse_its_repeats()
    {
        var dedupe = new TradeDeduplicator();

        Assert.True(dedupe.IsNew(Trade(Usdc, "105")));
        Assert.False(dedupe.IsNew(Trade(Usdc, "105")));
        Assert.True(dedupe.IsNew(Trade(Usdc, "106")));
        Assert.False(dedupe.IsNew(Trade(Usdc, "105") with { Price = Price.Parse("2") }));
    }

    [Fact]
    public void IsNew_should_keep_instruments_apart()
    {
        var dedupe = new TradeDeduplicator();

        Assert.True(dedupe.IsNew(Trade(Usdc, "7")));
        Assert.True(dedupe.IsNew(Trade(Btc, "7")));
        Assert.True(dedupe.IsNew(Trade(new InstrumentId("coinbase", "USDC/USD"), "7")));
        Assert.False(dedupe.IsNew(Trade(new InstrumentId("kraken", "USDC/USD"), "7")));
    }

    [Fact]
    public void IsNew_should_forget_the_oldest_id_when_the_window_is_full()
    {
        var dedupe = new TradeDeduplicator(capacityPerInstrument: 3);
        foreach (var id in new[] { "1", "2", "3", "4" })
        {
            Assert.True(dedupe.IsNew(Trade(Usdc, id)));
        }

        // 1 fell out of the window; 2, 3 and 4 are still remembered, and a refused repeat does not evict anything.
        Assert.False(dedupe.IsNew(Trade(Usdc, "2")));
        Assert.False(dedupe.IsNew(Trade(Usdc, "4")));
        Assert.False(dedupe.IsNew(Trade(Usdc, "3")));
        Assert.True(dedupe.IsNew(Trade(Usdc, "1")));
        Assert.True(dedupe.IsNew(Trade(Usdc, "2")));
    }

    [Fact]
    public void IsNew_should_stay_bounded_over_a_long_stream()
    {
        var dedupe = new TradeDeduplicator(capacityPerInstrument: 1_000);
        for (var i = 0; i < 200_000; i++)
        {
            Assert.True(dedupe.IsNew(Trade(Usdc, i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }

        Assert.False(dedupe.IsNew(Trade(Usdc, "199000")));
        Assert.True(dedupe.IsNew(Trade(Usdc, "198999")));
    }

    [Fact]
    public void IsNew_should_count_trades_without_an_id_as_new()
    {
        var dedupe = new TradeDeduplicator();

        Assert.True(dedupe.IsNew(Trade(Usdc, "")));
        Assert.True(dedupe.IsNew(Trade(Usdc, "")));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TradeDeduplicator(0));
    }

    private static TradeTick Trade(InstrumentId instrument, string id) =>
        new(instrument, 1_678_518_900_000, Price.Parse("0.9999"), 1, Side.Buy, id);
}
