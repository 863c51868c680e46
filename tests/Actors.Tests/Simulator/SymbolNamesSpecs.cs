using ActorArb.Simulator.Wire;

namespace ActorArb.Actors.Tests.Simulator;

public sealed class SymbolNamesSpecs
{
    [Theory]
    [InlineData("USDC/USD", "USDCUSD")]
    [InlineData("USDC-USD", "USDCUSD")]
    [InlineData("usdcusdt", "USDCUSDT")]
    [InlineData("XBT/USD", "BTCUSD")]
    [InlineData("XBTUSDT", "BTCUSDT")]
    [InlineData("XXBTZUSD", "BTCUSD")]
    [InlineData("XDGUSD", "DOGEUSD")]
    [InlineData("ETHXBT", "ETHBTC")]
    [InlineData("XRPUSDT", "XRPUSDT")]
    public void Key_should_reduce_every_exchange_spelling_to_one_key(string raw, string key) =>
        Assert.Equal(key, SymbolNames.Key(raw));
}
