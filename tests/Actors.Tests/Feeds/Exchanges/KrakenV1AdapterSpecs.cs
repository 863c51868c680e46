using System.Text;
using ActorArb.Actors.Feeds.Exchanges;
using ActorArb.Domain.Market;
using Xunit.Abstractions;

namespace ActorArb.Actors.Tests.Feeds.Exchanges;

public sealed class KrakenV1AdapterSpecs(ITestOutputHelper output)
{
    private static readonly InstrumentId XmrUsd = new("kraken", "XMR/USD");
    private readonly IExchangeAdapter _adapter = ExchangeAdapters.Create(ExchangeFlavours.KrakenV1);

    [Fact]
    public void Parse_should_read_the_recorded_trade_array_with_derived_ids()
    {
        if (ExchangeSamples.Parse(ExchangeFlavours.KrakenV1, "kraken/ws_v1_trade.json") is not { } message)
        {
            output.WriteLine("skipped: shared/data/messages not found");
            return;
        }

        var received = Assert.IsType<TradesReceived>(message);
        Assert.False(received.IsSnapshot);
        Assert.Equal(
            [
                new TradeTick(XmrUsd, 1_618_678_150_826, Price.Parse("354.04"), 0.28245396, Side.Sell, "1618678150.826417-354.04000000-0.28245396-0"),
                new TradeTick(XmrUsd, 1_618_678_150_827, Price.Parse("353.81"), 1.71754604, Side.Sell, "1618678150.827816-353.81000000-1.71754604-0"),
            ],
            received.Trades);
    }

    [Fact]
    public void Parse_should_number_identical_trades_of_one_frame_and_use_a_sent_trade_id()
    {
        var identical = _adapter.Parse("""[993,[["1.0","2.0","1618678150.1","b","m",""],["1.0","3.0","1618678150.1","b","m",""],["1.0","2.0","1618678150.1","b","m",""]],"trade","XBT/USD"]"""u8);
        var withId = _adapter.Parse("""[993,[["1.0","2.0","1618678150.1","s","l","",9223372036854775808]],"trade","XDG/USD"]"""u8);

        Assert.Equal(
            ["1618678150.1-1.0-2.0-0", "1618678150.1-1.0-3.0-0", "1618678150.1-1.0-2.0-1"],
            Assert.IsType<TradesReceived>(identical).Trades.Select(t => t.TradeId));
        Assert.Equal(new InstrumentId("kraken", "BTC/USD"), Assert.IsType<TradesReceived>(identical).Trades[0].Instrument);
        var trade = Assert.Single(Assert.IsType<TradesReceived>(withId).Trades);
        Assert.Equal(("9223372036854775808", new InstrumentId("kraken", "DOGE/USD"), Side.Sell), (trade.TradeId, trade.Instrument, trade.AggressorSide));
    }

    [Theory]
    [InlineData("kraken/ws_v1_heartbeat.json")]
    public void Parse_should_read_the_recorded_heartbeat(string sample)
    {
        if (ExchangeSamples.Parse(ExchangeFlavours.KrakenV1, sample) is not { } message)
        {
            output.WriteLine("skipped: shared/data/messages not found");
            return;
        }

        Assert.Equal(new HeartbeatReceived(null), message);
    }

    [Theory]
    [InlineData("kraken/ws_v1_systemStatus.json")]
    [InlineData("kraken/ws_v1_systemStatus_docs-example.json")]
    public void Parse_should_ignore_an_online_system_status_whose_connection_id_exceeds_int64(string sample)
    {
        if (ExchangeSamples.Parse(ExchangeFlavours.KrakenV1, sample) is not { } message)
        {
            output.WriteLine("skipped: shared/data/messages not found");
            return;
        }

        Assert.Equal(new Ignored("systemStatus"), message);
    }

    [Theory]
    [InlineData("kraken/ws_v1_subscriptionStatus.json")]
    [InlineData("kraken/ws_v1_trade_single.json")]
    public void Parse_should_acknowledge_the_recorded_subscription_status(string sample)
    {
        // ws_v1_trade_single.json holds a subscriptionStatus too, despite its name.
        if (ExchangeSamples.Parse(ExchangeFlavours.KrakenV1, sample) is not { } message)
        {
            output.WriteLine("skipped: shared/data/messages not found");
            return;
        }

        Assert.Equal(new SubscriptionAcknowledged("subscribed trade WAVES/EUR channel 1665"), message);
    }

    [Fact]
    public void Parse_should_ignore_the_recorded_ticker()
    {
        if (ExchangeSamples.Parse(ExchangeFlavours.KrakenV1, "kraken/ws_v1_ticker.json") is not { } message)
        {
            output.WriteLine("skipped: shared/data/messages not found");
            return;
        }

        Assert.Equal(new Ignored("ticker"), message);
    }

    [Fact]
    public void Parse_should_report_errors_and_a_system_status_other_than_online()
    {
        Assert.Equal(new ExchangeError("system status maintenance"), _adapter.Parse("""{"connectionID":18239578009413566319,"event":"systemStatus","status":"maintenance","version":"1.8.3"}"""u8));
        Assert.Equal(
            new ExchangeError("subscription of XYZ/USD failed: Currency pair not supported"),
            _adapter.Parse("""{"errorMessage":"Currency pair not supported","event":"subscriptionStatus","pair":"XYZ/USD","status":"error","subscription":{"name":"trade"}}"""u8));
        Assert.Equal(new HeartbeatReceived(null), _adapter.Parse("""{"event":"pong","reqid":42}"""u8));
    }

    [Fact]
    public void SubscribeMessages_should_equal_the_recorded_request_with_kraken_v1_asset_codes()
    {
        if (ExchangeSamples.Message("kraken/ws_v1_subscribe_request_trade.json") is not { } sample)
        {
            output.WriteLine("skipped: shared/data/messages not found");
            return;
        }

        string[] symbols = ["WAVES/EUR", "XMR/USD", "KSM/BTC", "GRT/ETH", "SC/EUR", "ETH/CHF", "OCEAN/BTC", "OMG/USD", "BTC/CHF", "ADA/BTC"];

        Assert.Equal([Encoding.UTF8.GetString(sample).Trim()], _adapter.SubscribeMessages(symbols));
        Assert.Equal("""{"event":"ping"}""", _adapter.PingMessage);
    }
}
