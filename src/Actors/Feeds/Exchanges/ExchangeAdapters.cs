namespace ActorArb.Actors.Feeds.Exchanges;

/// <summary>Creates the adapter for an exchange flavour.</summary>
public static class ExchangeAdapters
{
    /// <summary>Returns a new adapter for <paramref name="flavour"/> (one of <see cref="ExchangeFlavours.All"/>).</summary>
    /// <exception cref="ArgumentException">The flavour is unknown.</exception>
    public static IExchangeAdapter Create(string flavour) => flavour switch
    {
        ExchangeFlavours.Coinbase => new CoinbaseAdvancedAdapter(),
        ExchangeFlavours.CoinbaseExchange => new CoinbaseExchangeAdapter(),
        ExchangeFlavours.Kraken => new KrakenV2Adapter(),
        ExchangeFlavours.KrakenV1 => new KrakenV1Adapter(),
        ExchangeFlavours.Binance => new BinanceAdapter(),
        _ => throw new ArgumentException($"unknown exchange flavour \"{flavour}\" (known: {string.Join(", ", ExchangeFlavours.All)})", nameof(flavour)),
    };
}
