using ActorArb.Actors.Feeds.Exchanges;

namespace ActorArb.Actors.Tests.Feeds.Exchanges;

public sealed class SymbolMapSpecs
{
    [Theory]
    [InlineData(ExchangeFlavours.Coinbase, "USDC-USD", "USDC/USD")]
    [InlineData(ExchangeFlavours.Kraken, "USDCUSD", "USDC/USD")]
    [InlineData(ExchangeFlavours.Kraken, "USDC/USD", "USDC/USD")]
    [InlineData(ExchangeFlavours.Binance, "usdcusdt", "USDC/USDT")]
    [InlineData(ExchangeFlavours.Binance, "USDTUSD", "USDT/USD")]
    [InlineData(ExchangeFlavours.Binance, "TUSDUSDT", "TUSD/USDT")]
    [InlineData(ExchangeFlavours.Binance, "BTCFDUSD", "BTC/FDUSD")]
    [InlineData(ExchangeFlavours.Binance, "ETHBTC", "ETH/BTC")]
    [InlineData(ExchangeFlavours.KrakenV1, "XBT/USD", "BTC/USD")]
    [InlineData(ExchangeFlavours.KrakenV1, "XDG/EUR", "DOGE/EUR")]
    [InlineData(ExchangeFlavours.Kraken, "XBTUSDT", "BTC/USDT")]
    [InlineData(ExchangeFlavours.Kraken, "XXBTZUSD", "BTC/USD")]
    [InlineData(ExchangeFlavours.Kraken, "USDTZUSD", "USDT/USD")]
    [InlineData(ExchangeFlavours.Kraken, "XETHZEUR", "ETH/EUR")]
    [InlineData(ExchangeFlavours.CoinbaseExchange, " skl-btc ", "SKL/BTC")]
    public void Normalise_should_give_base_slash_quote_in_upper_case(string flavour, string raw, string expected)
    {
        Assert.Equal(expected, SymbolMap.Normalise(flavour, raw));
    }

    [Theory]
    [InlineData(ExchangeFlavours.Binance, "BTCXYZ")]
    [InlineData(ExchangeFlavours.Binance, "USDT")]
    [InlineData(ExchangeFlavours.Coinbase, "BTC-")]
    [InlineData(ExchangeFlavours.Coinbase, "BTC-US$")]
    [InlineData(ExchangeFlavours.Kraken, "")]
    public void TryNormalise_should_refuse_symbols_without_a_known_split(string flavour, string raw)
    {
        Assert.False(SymbolMap.TryNormalise(flavour, raw, out _));
        Assert.Throws<ArgumentException>(() => SymbolMap.Normalise(flavour, raw));
    }

    [Theory]
    [InlineData(ExchangeFlavours.Coinbase, "BTC/USD", "BTC-USD")]
    [InlineData(ExchangeFlavours.CoinbaseExchange, "USDT/USD", "USDT-USD")]
    [InlineData(ExchangeFlavours.Kraken, "BTC/USD", "BTC/USD")]
    [InlineData(ExchangeFlavours.KrakenV1, "BTC/USD", "XBT/USD")]
    [InlineData(ExchangeFlavours.KrakenV1, "DOGE/BTC", "XDG/XBT")]
    [InlineData(ExchangeFlavours.Binance, "USDC/USDT", "USDCUSDT")]
    public void ToExchange_should_write_the_flavours_symbol_and_normalise_back(string flavour, string normalised, string expected)
    {
        var exchange = SymbolMap.ToExchange(flavour, normalised);

        Assert.Equal(expected, exchange);
        Assert.Equal(normalised, SymbolMap.Normalise(flavour, exchange));
    }

    [Theory]
    [InlineData("BTC-USD")]
    [InlineData("btc/usd")]
    [InlineData("BTC/")]
    [InlineData("BTCUSD")]
    public void ToExchange_should_refuse_symbols_that_are_not_normalised(string symbol)
    {
        Assert.Throws<ArgumentException>(() => SymbolMap.ToExchange(ExchangeFlavours.Coinbase, symbol));
    }

    [Fact]
    public void Both_directions_should_refuse_an_unknown_flavour()
    {
        Assert.Throws<ArgumentException>(() => SymbolMap.Normalise("ftx", "BTC-USD"));
        Assert.Throws<ArgumentException>(() => SymbolMap.ToExchange("ftx", "BTC/USD"));
        Assert.Throws<ArgumentException>(() => ExchangeAdapters.Create("ftx"));
    }
}
