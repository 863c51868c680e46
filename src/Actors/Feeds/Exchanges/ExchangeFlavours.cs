namespace ActorArb.Actors.Feeds.Exchanges;

/// <summary>
/// The exchange protocols ("flavours") the feeds speak, as written in config and simulator URLs, and the venue each
/// belongs to: a flavour is a protocol, the venue is the <c>InstrumentId.Exchange</c> its trades carry.
/// </summary>
public static class ExchangeFlavours
{
    /// <summary>Coinbase Advanced Trade WebSocket (<c>market_trades</c>, <c>heartbeats</c>).</summary>
    public const string Coinbase = "coinbase";

    /// <summary>Coinbase Exchange WebSocket (<c>matches</c>, <c>heartbeat</c>).</summary>
    public const string CoinbaseExchange = "coinbase-exchange";

    /// <summary>Kraken WebSocket v2 (<c>trade</c>).</summary>
    public const string Kraken = "kraken";

    /// <summary>Kraken WebSocket v1 (trade arrays).</summary>
    public const string KrakenV1 = "kraken-v1";

    /// <summary>Binance spot streams (<c>&lt;symbol&gt;@trade</c>, raw and combined).</summary>
    public const string Binance = "binance";

    /// <summary>Returns every flavour, in a fixed order.</summary>
    public static IReadOnlyList<string> All { get; } = [Coinbase, CoinbaseExchange, Kraken, KrakenV1, Binance];

    /// <summary>Returns the venue a flavour belongs to: <c>coinbase</c>, <c>kraken</c> or <c>binance</c>.</summary>
    /// <exception cref="ArgumentException">The flavour is not one of <see cref="All"/>.</exception>
    public static string VenueOf(string flavour) => flavour switch
    {
        Coinbase or CoinbaseExchange => "coinbase",
        Kraken or KrakenV1 => "kraken",
        Binance => "binance",
        _ => throw new ArgumentException($"unknown exchange flavour \"{flavour}\" (known: {string.Join(", ", All)})", nameof(flavour)),
    };
}
