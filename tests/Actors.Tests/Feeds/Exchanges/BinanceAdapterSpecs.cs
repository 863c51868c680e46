using System.Text.Json;
using ActorArb.Actors.Feeds.Exchanges;
using ActorArb.Domain.Market;
using Xunit.Abstractions;

namespace ActorArb.Actors.Tests.Feeds.Exchanges;

public sealed class BinanceAdapterSpecs(ITestOutputHelper output)
{
    private static readonly InstrumentId BtcUsdt = new("binance", "BTC/USDT");
    private readonly IExchangeAdapter _adapter = ExchangeAdapters.Create(ExchangeFlavours.Binance);

    public static TheoryData<string, TradeTick> TradeSamples => new()
    {
        { "binance/ws_combined_trade_btcusdt_2024.json", new TradeTick(BtcUsdt, 1_723_161_255_342, Price.Parse("61837.63"), 0.02, Side.Sell, "3735683259") },
        { "binance/ws_combined_trade_btcusdt_2023_with_order_ids.json", new TradeTick(BtcUsdt, 1_680_652_799_999, Price.Parse("28165.47"), 0.00056, Side.Sell, "3071245454") },
        { "binance/ws_combined_trade_ethusdt_2021_nautilus.json", new TradeTick(new InstrumentId("binance", "ETH/USDT"), 1_639_351_062_243, Price.Parse("4149.74"), 0.4387, Side.Sell, "705291099") },
    };

    [Theory]
    [MemberData(nameof(TradeSamples))]
    public void Parse_should_read_recorded_combined_and_raw_trades_alike(string sample, TradeTick expected)
    {
        if (ExchangeSamples.Message(sample) is not { } combined)
        {
            output.WriteLine("skipped: shared/data/messages not found");
            return;
        }

        // A raw /ws/<stream> frame is exactly the combined frame's data object.
        using var document = JsonDocument.Parse(combined);
        var raw = JsonSerializer.SerializeToUtf8Bytes(document.RootElement.GetProperty("data"));

        Assert.Equal([expected], Assert.IsType<TradesReceived>(_adapter.Parse(combined)).Trades);
        Assert.Equal([expected], Assert.IsType<TradesReceived>(_adapter.Parse(raw)).Trades);
    }

    [Fact]
    public void Parse_should_take_the_aggressor_as_buyer_when_the_buyer_is_not_the_maker()
    {
        var message = _adapter.Parse("""{"e":"trade","E":1723161255343,"s":"USDCUSDT","t":1,"p":"0.99990000","q":"10.00000000","T":1723161255342,"m":false,"M":true}"""u8);

        Assert.Equal(new TradeTick(new InstrumentId("binance", "USDC/USDT"), 1_723_161_255_342, Price.Parse("0.9999"), 10, Side.Buy, "1"), Assert.Single(Assert.IsType<TradesReceived>(message).Trades));
    }

    [Theory]
    [InlineData("binance/ws_combined_aggTrade_btcusdt_2021.json", "aggTrade")]
    [InlineData("binance/ws_combined_kline_1m_btcusdt_2021.json", "kline")]
    [InlineData("binance/ws_combined_kline_1m_btcusdt_2021_closed.json", "kline")]
    [InlineData("binance/ws_combined_depth100ms_btcusdt_2024.json", "depthUpdate")]
    [InlineData("binance/ws_combined_bookTicker_btcusdt_2024.json", "bookTicker")]
    public void Parse_should_ignore_the_recorded_streams_it_does_not_use(string sample, string kind)
    {
        if (ExchangeSamples.Parse(ExchangeFlavours.Binance, sample) is not { } message)
        {
            output.WriteLine("skipped: shared/data/messages not found");
            return;
        }

        Assert.Equal(new Ignored(kind), message);
    }

    [Fact]
    public void Parse_should_read_subscription_replies_and_errors()
    {
        Assert.Equal(new SubscriptionAcknowledged("id 1"), _adapter.Parse("""{"result":null,"id":1}"""u8));
        Assert.Equal(new ExchangeError("""{"code":2,"msg":"Invalid request: unknown variant"}"""), _adapter.Parse("""{"error":{"code":2,"msg":"Invalid request: unknown variant"},"id":1}"""u8));
        Assert.Equal(new ExchangeError("-1121 Invalid symbol."), _adapter.Parse("""{"code":-1121,"msg":"Invalid symbol."}"""u8));
        Assert.Equal(new Ignored("bookTicker"), _adapter.Parse("""{"u":50093239212,"s":"BTCUSDT","b":"61837.63000000","B":"3.78826000","a":"61837.64000000","A":"1.54698000"}"""u8));
    }

    [Fact]
    public void ConnectUri_should_name_the_combined_trade_streams_under_the_endpoint_path()
    {
        Assert.Empty(_adapter.SubscribeMessages(["BTC/USDT"]));
        Assert.Equal(
            "wss://stream.binance.com:9443/stream?streams=btcusdt@trade/usdcusdt@trade",
            _adapter.ConnectUri(_adapter.DefaultEndpoint, ["BTC/USDT", "USDC/USDT"]).AbsoluteUri);
        Assert.Equal(
            "ws://127.0.0.1:5000/ws/binance/stream?streams=ethusdt@trade",
            _adapter.ConnectUri(new Uri("ws://127.0.0.1:5000/ws/binance/"), ["ETH/USDT"]).AbsoluteUri);
        Assert.Null(_adapter.PingMessage);
    }
}
