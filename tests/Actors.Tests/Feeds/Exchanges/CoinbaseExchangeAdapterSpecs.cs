using System.Text;
using ActorArb.Actors.Feeds.Exchanges;
using ActorArb.Domain.Market;
using Xunit.Abstractions;

namespace ActorArb.Actors.Tests.Feeds.Exchanges;

public sealed class CoinbaseExchangeAdapterSpecs(ITestOutputHelper output)
{
    private readonly IExchangeAdapter _adapter = ExchangeAdapters.Create(ExchangeFlavours.CoinbaseExchange);

    [Fact]
    public void Parse_should_read_a_recorded_match_with_the_side_inverted_from_the_maker()
    {
        if (ExchangeSamples.Parse(ExchangeFlavours.CoinbaseExchange, "coinbase/exchange_ws_match.json") is not { } message)
        {
            output.WriteLine("skipped: shared/data/messages not found");
            return;
        }

        var received = Assert.IsType<TradesReceived>(message);
        Assert.False(received.IsSnapshot);
        Assert.Equal(
            [new TradeTick(new InstrumentId("coinbase", "SKL/USD"), 1_618_677_817_121, Price.Parse("0.791"), 450, Side.Buy, "1568268")],
            received.Trades);
    }

    [Fact]
    public void Parse_should_read_a_recorded_last_match_as_a_snapshot()
    {
        if (ExchangeSamples.Parse(ExchangeFlavours.CoinbaseExchange, "coinbase/exchange_ws_last_match.json") is not { } message)
        {
            output.WriteLine("skipped: shared/data/messages not found");
            return;
        }

        var received = Assert.IsType<TradesReceived>(message);
        Assert.True(received.IsSnapshot);
        Assert.Equal(
            [new TradeTick(new InstrumentId("coinbase", "BAND/GBP"), 1_618_677_810_244, Price.Parse("14.7775"), 0.04, Side.Buy, "881613")],
            received.Trades);
    }

    [Fact]
    public void Parse_should_read_the_heartbeat_time()
    {
        if (ExchangeSamples.Parse(ExchangeFlavours.CoinbaseExchange, "coinbase/exchange_ws_heartbeat_docs-example.json") is not { } message)
        {
            output.WriteLine("skipped: shared/data/messages not found");
            return;
        }

        Assert.Equal(new HeartbeatReceived(1_415_348_368_464), message);
    }

    [Theory]
    [InlineData("coinbase/exchange_ws_ticker.json", "ticker")]
    [InlineData("coinbase/exchange_ws_l2update.json", "l2update")]
    public void Parse_should_ignore_the_recorded_channels_it_does_not_use(string sample, string kind)
    {
        if (ExchangeSamples.Parse(ExchangeFlavours.CoinbaseExchange, sample) is not { } message)
        {
            output.WriteLine("skipped: shared/data/messages not found");
            return;
        }

        Assert.Equal(new Ignored(kind), message);
    }

    [Fact]
    public void Parse_should_acknowledge_the_recorded_subscriptions()
    {
        if (ExchangeSamples.Parse(ExchangeFlavours.CoinbaseExchange, "coinbase/exchange_ws_subscriptions.json") is not { } message)
        {
            output.WriteLine("skipped: shared/data/messages not found");
            return;
        }

        Assert.StartsWith("[{\"name\":\"ticker\"", Assert.IsType<SubscriptionAcknowledged>(message).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_should_report_an_error_with_its_reason()
    {
        var message = _adapter.Parse("""{"type":"error","message":"Failed to subscribe","reason":"XYZ-USD is not a valid product"}"""u8);

        Assert.Equal(new ExchangeError("Failed to subscribe: XYZ-USD is not a valid product"), message);
    }

    [Fact]
    public void SubscribeMessages_should_equal_the_recorded_request_and_add_the_heartbeat_channel()
    {
        if (ExchangeSamples.Message("coinbase/exchange_ws_subscribe_request.json") is not { } sample)
        {
            output.WriteLine("skipped: shared/data/messages not found");
            return;
        }

        string[] symbols = ["SKL/USD", "SKL/BTC", "BAND/GBP", "NMR/EUR", "BAND/BTC", "YFI/BTC", "DASH/BTC", "NU/GBP", "CRV/EUR", "SKL/GBP"];
        var frames = _adapter.SubscribeMessages(symbols);

        Assert.Equal(2, frames.Count);
        Assert.Equal(Encoding.UTF8.GetString(sample).Trim(), frames[0]);
        Assert.Equal(Encoding.UTF8.GetString(sample).Trim().Replace("\"matches\"", "\"heartbeat\"", StringComparison.Ordinal), frames[1]);
    }
}
