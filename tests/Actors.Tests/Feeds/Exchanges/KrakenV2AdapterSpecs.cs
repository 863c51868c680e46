using ActorArb.Actors.Feeds.Exchanges;
using ActorArb.Domain.Market;
using Xunit.Abstractions;

namespace ActorArb.Actors.Tests.Feeds.Exchanges;

public sealed class KrakenV2AdapterSpecs(ITestOutputHelper output)
{
    private static readonly InstrumentId MaticUsd = new("kraken", "MATIC/USD");
    private readonly IExchangeAdapter _adapter = ExchangeAdapters.Create(ExchangeFlavours.Kraken);

    [Fact]
    public void Parse_should_read_the_documented_trade_snapshot_from_json_numbers()
    {
        if (ExchangeSamples.Parse(ExchangeFlavours.Kraken, "kraken/ws_v2_trade_snapshot_docs-example.json") is not { } message)
        {
            output.WriteLine("skipped: shared/data/messages not found");
            return;
        }

        var received = Assert.IsType<TradesReceived>(message);
        Assert.True(received.IsSnapshot);
        Assert.Equal(
            [
                new TradeTick(MaticUsd, 1_695_628_116_925, Price.Parse("0.5147"), 6423.46326, Side.Buy, "4665846"),
                new TradeTick(MaticUsd, 1_695_628_176_925, Price.Parse("0.5147"), 1136.19677815, Side.Buy, "4665847"),
            ],
            received.Trades);
    }

    [Fact]
    public void Parse_should_keep_ids_beyond_int64_as_sent_and_read_exponent_prices_exactly()
    {
        var message = _adapter.Parse("""{"channel":"trade","type":"update","data":[{"symbol":"USDC/USD","side":"sell","price":9.9985e-1,"qty":1.5e-3,"ord_type":"market","trade_id":18446744073709551616123,"timestamp":"2023-03-11T07:15:00.000999Z"}]}"""u8);

        var trade = Assert.Single(Assert.IsType<TradesReceived>(message).Trades);
        Assert.Equal(new TradeTick(new InstrumentId("kraken", "USDC/USD"), 1_678_518_900_000, Price.Parse("0.99985"), 0.0015, Side.Sell, "18446744073709551616123"), trade);
        Assert.False(Assert.IsType<TradesReceived>(message).IsSnapshot);
    }

    [Fact]
    public void Parse_should_read_the_documented_heartbeat_and_online_status()
    {
        if (ExchangeSamples.Parse(ExchangeFlavours.Kraken, "kraken/ws_v2_heartbeat_docs-example.json") is not { } heartbeat
            || ExchangeSamples.Parse(ExchangeFlavours.Kraken, "kraken/ws_v2_status_docs-example.json") is not { } status)
        {
            output.WriteLine("skipped: shared/data/messages not found");
            return;
        }

        Assert.Equal(new HeartbeatReceived(null), heartbeat);
        Assert.Equal(new Ignored("status"), status);
    }

    [Fact]
    public void Parse_should_report_a_status_other_than_online_as_an_exchange_error()
    {
        var message = _adapter.Parse("""{"channel":"status","type":"update","data":[{"api_version":"v2","connection_id":13834774380200032777,"system":"maintenance","version":"2.0.0"}]}"""u8);

        Assert.Equal(new ExchangeError("system status maintenance"), message);
    }

    [Fact]
    public void Parse_should_read_method_replies()
    {
        var ack = _adapter.Parse("""{"method":"subscribe","result":{"channel":"trade","snapshot":true,"symbol":"USDC/USD"},"success":true,"time_in":"2023-09-25T09:04:31.742599Z","time_out":"2023-09-25T09:04:31.742648Z"}"""u8);
        var refused = _adapter.Parse("""{"error":"Currency pair not supported XYZ/USD","method":"subscribe","success":false,"symbol":"XYZ/USD","time_in":"2023-09-25T09:04:31.742599Z","time_out":"2023-09-25T09:04:31.742648Z"}"""u8);
        var pong = _adapter.Parse("""{"method":"pong","req_id":101,"time_in":"2023-09-24T14:10:23.799685Z","time_out":"2023-09-24T14:10:23.799703Z"}"""u8);

        Assert.Equal(new SubscriptionAcknowledged("""subscribe {"channel":"trade","snapshot":true,"symbol":"USDC/USD"}"""), ack);
        Assert.Equal(new ExchangeError("subscribe failed: Currency pair not supported XYZ/USD"), refused);
        Assert.Equal(new HeartbeatReceived(1_695_564_623_799), pong);
    }

    [Fact]
    public void Parse_should_ignore_other_channels()
    {
        Assert.Equal(new Ignored("book"), _adapter.Parse("""{"channel":"book","type":"update","data":[{"symbol":"BTC/USD","bids":[],"asks":[{"price":64000.1,"qty":0.5}],"checksum":1,"timestamp":"2023-10-06T17:35:55.440295Z"}]}"""u8));
    }

    [Fact]
    public void SubscribeMessages_should_be_the_v2_trade_subscription_and_ping_the_v2_method()
    {
        Assert.Equal(["""{"method":"subscribe","params":{"channel":"trade","symbol":["USDC/USD","BTC/USD"]}}"""], _adapter.SubscribeMessages(["USDC/USD", "BTC/USD"]));
        Assert.Equal("""{"method":"ping"}""", _adapter.PingMessage);
    }
}
