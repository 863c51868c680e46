namespace ActorArb.Actors.Feeds.Exchanges;

/// <summary>
/// One exchange protocol: what to send after connecting and how to read what comes back. Symbols going in are
/// normalised (<c>BASE/QUOTE</c>); trades coming out carry normalised instruments. An adapter keeps a small cache of
/// the instruments it has seen and is safe to share between connections.
/// </summary>
public interface IExchangeAdapter
{
    /// <summary>Returns the protocol name, one of <see cref="ExchangeFlavours.All"/>.</summary>
    string Flavour { get; }

    /// <summary>Returns the venue the trades belong to (<c>coinbase</c>, <c>kraken</c> or <c>binance</c>).</summary>
    string Exchange { get; }

    /// <summary>Returns the exchange's public WebSocket endpoint, for configs that name none.</summary>
    Uri DefaultEndpoint { get; }

    /// <summary>
    /// Returns the application-level ping text the exchange expects on an idle connection (e.g. Kraken v2
    /// <c>{"method":"ping"}</c>), or null when the exchange relies on WebSocket protocol pings or on its own heartbeats.
    /// </summary>
    string? PingMessage { get; }

    /// <summary>
    /// Returns the address to connect to for <paramref name="symbols"/>: the endpoint itself, except for exchanges that
    /// name their streams in the URL (Binance: <c>{endpoint}/stream?streams=btcusdt@trade/ethusdt@trade</c>).
    /// </summary>
    Uri ConnectUri(Uri endpoint, IReadOnlyList<string> symbols);

    /// <summary>
    /// Returns the exact text frames to send after every (re)connect to receive trades and heartbeats for the
    /// normalised <paramref name="symbols"/>; empty when the URL already subscribes.
    /// </summary>
    /// <exception cref="ArgumentException">A symbol is not of the form <c>BASE/QUOTE</c>.</exception>
    IReadOnlyList<string> SubscribeMessages(IReadOnlyList<string> symbols);

    /// <summary>
    /// Reads one received text frame (UTF-8). Never throws: anything that is not a valid message of this protocol
    /// comes back as <see cref="Malformed"/>. Trades come back oldest first.
    /// </summary>
    FeedMessage Parse(ReadOnlySpan<byte> utf8);
}
