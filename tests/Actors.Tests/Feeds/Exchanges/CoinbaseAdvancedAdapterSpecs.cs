using System.Text;
using ActorArb.Actors.Feeds.Exchanges;
using ActorArb.Domain.Market;
using Xunit.Abstractions;

namespace ActorArb.Actors.Tests.Feeds.Exchanges;

public sealed class CoinbaseAdvancedAdapterSpecs(ITestOutputHelper output)
{
    private static readonly InstrumentId BtcUsd = new("coinbase", "BTC/USD");
    private readonly IExchangeAdapter _adapter = ExchangeAdapters.Create(ExchangeFlavours.Coinbase);

    [Fact]
    public void Parse_should_read_the_recorded_snapshot_oldest_first_with_the_aggressor_side()
    {
        if (ExchangeSamples.Parse(ExchangeFlavours.Coinbase, "coinbase/advanced_ws_market_trades_snapshot.json") is not { } message)
        {
            output.WriteLine("skipped: shared/data/messages not found");
            return;
        }

        var received = Assert.IsType<TradesReceived>(message);
        Assert.True(received.IsSnapshot);
        Assert.Equal(100, received.Trades.Count);
        Assert.Equal(Enumerable.Range(0, 100).Select(i => (1_068_571_991L + i).ToString(System.Globalization.CultureInfo.InvariantCulture)), received.Trades.Select(t => t.TradeId));

        // The newest trade, listed first on the wire: SELL at the ask is the maker's side, so a buyer lifted it.
        Assert.Equal(new TradeTick(BtcUsd, 1_786_309_542_514, Price.Parse("65083.67"), 0.002186, Side.Buy, "1068572090"), received.Trades[^1]);
        Assert.Equal(new TradeTick(BtcUsd, 1_786_309_475_345, Price.Parse("65090.99"), 0.00310335, Side.Sell, "1068571991"), received.Trades[0]);
    }

    [Fact]
    public void Parse_should_read_the_recorded_update()
    {
        if (ExchangeSamples.Parse(ExchangeFlavours.Coinbase, "coinbase/advanced_ws_market_trades_update.json") is not { } message)
        {
            output.WriteLine("skipped: shared/data/messages not found");
            return;
        }

        var received = Assert.IsType<TradesReceived>(message);
        Assert.False(received.IsSnapshot);
        Assert.Equal([new TradeTick(BtcUsd, 1_786_309_548_167, Price.Parse("65083.67"), 0.01034361, Side.Buy, "1068572091")], received.Trades);
    }

    [Fact]
    public void Parse_should_take_the_heartbeat_time_from_the_go_formatted_current_time()
    {
        if (ExchangeSamples.Parse(ExchangeFlavours.Coinbase, "coinbase/advanced_ws_heartbeats.json") is not { } message)
        {
            output.WriteLine("skipped: shared/data/messages not found");
            return;
        }

        // current_time 21:05:48.854840045, not the envelope's 21:05:48.856364007.
        Assert.Equal(new HeartbeatReceived(1_786_309_548_854), message);
    }

    [Theory]
    [InlineData("coinbase/advanced_ws_ticker_snapshot.json", "ticker")]
    [InlineData("coinbase/advanced_ws_ticker_update.json", "ticker")]
    [InlineData("coinbase/advanced_ws_candles.json", "candles")]
    [InlineData("coinbase/advanced_ws_l2_data_update.json", "l2_data")]
    public void Parse_should_ignore_the_recorded_channels_it_does_not_use(string sample, string kind)
    {
        if (ExchangeSamples.Parse(ExchangeFlavours.Coinbase, sample) is not { } message)
        {
            output.WriteLine("skipped: shared/data/messages not found");
            return;
        }

        Assert.Equal(new Ignored(kind), message);
    }

    [Fact]
    public void Parse_should_acknowledge_the_recorded_subscriptions()
    {
        if (ExchangeSamples.Parse(ExchangeFlavours.Coinbase, "coinbase/advanced_ws_subscriptions.json") is not { } message)
        {
            output.WriteLine("skipped: shared/data/messages not found");
            return;
        }

        var ack = Assert.IsType<SubscriptionAcknowledged>(message);
        Assert.Contains("\"market_trades\":[\"BTC-USD\",\"ETH-USD\"]", ack.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-08-09T21:05:42.514999999Z", 1_786_309_542_514)]
    [InlineData("2026-08-09T21:05:42.5Z", 1_786_309_542_500)]
    [InlineData("2026-08-09T21:05:42Z", 1_786_309_542_000)]
    public void Parse_should_truncate_trade_times_to_the_millisecond(string time, long expectedMs)
    {
        var frame = $$"""{"channel":"market_trades","events":[{"type":"update","trades":[{"product_id":"BTC-USD","trade_id":"1","price":"1","size":"1","time":"{{time}}","side":"BUY"}]}]}""";

        var trade = Assert.Single(Assert.IsType<TradesReceived>(_adapter.Parse(Encoding.UTF8.GetBytes(frame))).Trades);

        Assert.Equal(expectedMs, trade.TimeMs);
    }

    [Fact]
    public void Parse_should_report_an_error_message_as_an_exchange_error()
    {
        var message = _adapter.Parse("""{"type":"error","message":"failure to subscribe"}"""u8);

        Assert.Equal(new ExchangeError("failure to subscribe"), message);
    }

    [Fact]
    public void SubscribeMessages_should_equal_the_recorded_request_and_add_heartbeats()
    {
        if (ExchangeSamples.Message("coinbase/advanced_ws_subscribe_request_market_trades.json") is not { } sample)
        {
            output.WriteLine("skipped: shared/data/messages not found");
            return;
        }

        var frames = _adapter.SubscribeMessages(["BTC/USD", "ETH/USD"]);

        Assert.Equal(
            [Encoding.UTF8.GetString(sample).Trim(), """{"type":"subscribe","product_ids":["BTC-USD","ETH-USD"],"channel":"heartbeats"}"""],
            frames);
        Assert.Null(_adapter.PingMessage);
    }
}
