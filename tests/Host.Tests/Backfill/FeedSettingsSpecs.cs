using ActorArb.Host.Composition;
using ActorArb.Host.Configuration;
using ActorArb.Host.Tests.Commands;

namespace ActorArb.Host.Tests.Backfill;

/// <summary>Binding the <c>feeds</c> section: defaults, normalised symbols, and errors that name file, line and path.</summary>
public sealed class FeedSettingsSpecs
{
    [Fact]
    public void Bind_should_read_the_repository_config_with_the_real_exchanges_as_endpoints()
    {
        var feeds = FeedSettings.Bind(HoconParser.ParseFile(BacktestCommandSpecs.FindRepoFile("config.hocon"), _ => null));

        Assert.Equal(["coinbase", "kraken", "binance"], feeds.Venues.Select(v => v.Name));
        Assert.Equal(new Uri("https://api.exchange.coinbase.com"), feeds["coinbase"].RestUrl);
        Assert.Equal(new Uri("wss://ws.kraken.com/v2"), feeds["kraken"].WebSocketUrl);
        Assert.Equal(["USDC/USDT"], feeds["binance"].Symbols);
        Assert.Empty(feeds.Enabled);
    }

    [Fact]
    public void Bind_should_normalise_symbols_and_follow_the_flavour_for_the_default_websocket()
    {
        var feeds = Bind("""
            feeds {
              coinbase { enabled = true, flavour = coinbase-exchange, symbols = ["usdc-usd", "BTCUSD"] }
              kraken { enabled = yes, flavour = kraken-v1, symbols = ["XBT/USD"], rest-url = "http://127.0.0.1:5123/rest/kraken" }
            }
            """);

        Assert.Equal(["USDC/USD", "BTC/USD"], feeds["coinbase"].Symbols);
        Assert.Equal(new Uri("wss://ws-feed.exchange.coinbase.com"), feeds["coinbase"].WebSocketUrl);
        Assert.Equal(("kraken-v1", new Uri("wss://ws.kraken.com")), (feeds["kraken"].Flavour, feeds["kraken"].WebSocketUrl));
        Assert.Equal(new Uri("http://127.0.0.1:5123/rest/kraken"), feeds["kraken"].RestUrl);
        Assert.Equal(["BTC/USD"], feeds["kraken"].Symbols);
        Assert.Equal(["coinbase", "kraken"], feeds.Enabled.Select(v => v.Name));
        Assert.Equal((false, "binance", new Uri("https://api.binance.com")), (feeds["binance"].Enabled, feeds["binance"].Flavour, feeds["binance"].RestUrl));
    }

    [Theory]
    [InlineData("feeds {\n  bitstamp { }\n}\n", "config.hocon:2: feeds.bitstamp: unknown setting; expected one of: coinbase, kraken, binance")]
    [InlineData("feeds {\n  kraken {\n    rest-ur1 = \"https://x\"\n  }\n}\n", "config.hocon:3: feeds.kraken.rest-ur1: unknown setting; did you mean \"rest-url\"?")]
    [InlineData("feeds.coinbase {\n  flavour = kraken\n}\n", "config.hocon:2: feeds.coinbase.flavour: expected coinbase or coinbase-exchange, got \"kraken\"")]
    [InlineData("feeds.binance {\n  rest-url = \"ftp://api.binance.com\"\n}\n", "config.hocon:2: feeds.binance.rest-url: expected an absolute http(s) URL such as https://api.kraken.com, got \"ftp://api.binance.com\"")]
    [InlineData("feeds.kraken {\n  websocket-url = \"https://ws.kraken.com\"\n}\n", "config.hocon:2: feeds.kraken.websocket-url: expected an absolute ws(s) URL such as wss://ws.kraken.com/v2, got \"https://ws.kraken.com\"")]
    [InlineData("feeds.kraken {\n  symbols = [\n    \"USDC/USD\",\n    \"NOT A PAIR\"\n  ]\n}\n", "config.hocon:4: feeds.kraken.symbols[1]: expected a symbol such as USDC/USD, USDC-USD or USDCUSD, got \"NOT A PAIR\"")]
    [InlineData("feeds.coinbase {\n  symbols = [\"USDC-USD\",\n    \"USDC/USD\"]\n}\n", "config.hocon:3: feeds.coinbase.symbols[1]: expected each symbol once (USDC/USD is listed twice), got \"USDC/USD\"")]
    [InlineData("feeds.binance {\n  enabled = true\n  symbols = []\n}\n", "config.hocon:2: feeds.binance.enabled: expected false, or symbols to stream in feeds.binance.symbols, got true")]
    public void Bind_should_name_file_line_and_path_when_a_setting_is_wrong(string text, string message)
    {
        var error = Assert.Throws<ConfigException>(() => Bind(text));

        Assert.Equal(message, error.Message);
    }

    private static FeedSettings Bind(string text) => FeedSettings.Bind(HoconParser.ParseString(text, "config.hocon"));
}
