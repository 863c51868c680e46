namespace ActorArb.Simulator;

/// <summary>
/// The exchange protocols the simulator speaks, as the strings used in configuration and in its URLs, and the venue
/// (the normalised <c>InstrumentId.Exchange</c>) each one serves.
/// </summary>
public static class SimulatorFlavours
{
    /// <summary>Coinbase Advanced Trade WebSocket (<c>market_trades</c>, <c>heartbeats</c>).</summary>
    public const string CoinbaseAdvanced = "coinbase";

    /// <summary>Coinbase Exchange WebSocket (<c>matches</c>, <c>heartbeat</c>).</summary>
    public const string CoinbaseExchange = "coinbase-exchange";

    /// <summary>Kraken WebSocket v2 (<c>trade</c>).</summary>
    public const string KrakenV2 = "kraken";

    /// <summary>Kraken WebSocket v1 (trade arrays).</summary>
    public const string KrakenV1 = "kraken-v1";

    /// <summary>Binance spot streams (<c>&lt;symbol&gt;@trade</c>, raw and combined).</summary>
    public const string Binance = "binance";

    /// <summary>The venue Coinbase's protocols serve.</summary>
    public const string CoinbaseVenue = "coinbase";

    /// <summary>The venue Kraken's protocols serve.</summary>
    public const string KrakenVenue = "kraken";

    /// <summary>The venue Binance's protocol serves.</summary>
    public const string BinanceVenue = "binance";

    /// <summary>Gets every flavour.</summary>
    public static IReadOnlyList<string> All { get; } = [CoinbaseAdvanced, CoinbaseExchange, KrakenV2, KrakenV1, Binance];

    /// <summary>Gets every venue.</summary>
    public static IReadOnlyList<string> Venues { get; } = [CoinbaseVenue, KrakenVenue, BinanceVenue];

    /// <summary>Returns the venue a flavour or venue name belongs to, or null for an unknown name.</summary>
    public static string? VenueOf(string name) => name switch
    {
        CoinbaseAdvanced or CoinbaseExchange => CoinbaseVenue,
        KrakenV2 or KrakenV1 => KrakenVenue,
        Binance => BinanceVenue,
        _ => null,
    };
}
