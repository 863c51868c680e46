using ActorArb.Actors.Feeds.Exchanges;
using ActorArb.Actors.Feeds.Rest;
using ActorArb.Host.Configuration;

namespace ActorArb.Host.Composition;

/// <summary>
/// The exchange endpoints, bound from <c>feeds { coinbase { … } kraken { … } binance { … } }</c>: per venue whether
/// <c>actorarb run</c> streams it (<c>enabled</c>), the WebSocket protocol (<c>flavour</c>), the WebSocket and REST
/// roots (<c>websocket-url</c>, <c>rest-url</c>; by default the real exchanges, so pointing them at a simulator runs
/// the same binary offline) and the symbols, normalised (<c>USDC-USD</c> and <c>USDCUSD</c> both read as
/// <c>USDC/USD</c>). Every venue is present, with defaults when its block is absent.
/// </summary>
internal sealed record FeedSettings(IReadOnlyList<FeedSettings.Venue> Venues)
{
    /// <summary>Returns the settings of <paramref name="venue"/>.</summary>
    /// <exception cref="KeyNotFoundException">The venue is not coinbase, kraken or binance.</exception>
    public Venue this[string venue] => Venues.FirstOrDefault(v => v.Name == venue) ?? throw new KeyNotFoundException($"no feed settings for venue \"{venue}\"");

    /// <summary>Returns the venues <c>actorarb run</c> streams.</summary>
    public IEnumerable<Venue> Enabled => Venues.Where(v => v.Enabled);

    /// <summary>Binds <c>feeds</c>; an unknown key, flavour, URL or symbol is reported with its file, line and path.</summary>
    /// <exception cref="ConfigException">A setting is invalid.</exception>
    public static FeedSettings Bind(HoconConfig root)
    {
        var feeds = root.GetConfig("feeds");
        feeds.EnsureOnlyKeys([.. RateLimits.Venues]);
        return new FeedSettings([.. RateLimits.Venues.Select(venue => BindVenue(feeds.GetConfig(venue), venue))]);
    }

    private static Venue BindVenue(HoconConfig c, string venue)
    {
        c.EnsureOnlyKeys("enabled", "flavour", "rest-url", "websocket-url", "symbols");
        // A venue's flavours, its default first.
        var flavours = ExchangeFlavours.All.Where(f => ExchangeFlavours.VenueOf(f) == venue).ToArray();
        var flavour = c.GetString("flavour", flavours[0]);
        if (!flavours.Contains(flavour))
        {
            throw c.InvalidValue("flavour", string.Join(" or ", flavours));
        }

        var rest = Url(c, "rest-url", RestHistoryClients.DefaultBaseUri(venue), ["http", "https"], "an absolute http(s) URL such as https://api.kraken.com");
        var websocket = Url(c, "websocket-url", ExchangeAdapters.Create(flavour).DefaultEndpoint, ["ws", "wss"], "an absolute ws(s) URL such as wss://ws.kraken.com/v2");
        var symbols = Symbols(c, flavour);
        var enabled = c.GetBoolean("enabled", false);
        if (enabled && symbols.Count == 0)
        {
            throw c.InvalidValue("enabled", $"false, or symbols to stream in {c.Path}.symbols");
        }

        return new Venue(venue, enabled, flavour, rest, websocket, symbols);
    }

    private static Uri Url(HoconConfig c, string key, Uri fallback, string[] schemes, string expected)
    {
        if (!c.HasPath(key))
        {
            return fallback;
        }

        return Uri.TryCreate(c.GetString(key), UriKind.Absolute, out var uri) && schemes.Contains(uri.Scheme) && uri.Query.Length == 0
            ? uri
            : throw c.InvalidValue(key, expected);
    }

    private static IReadOnlyList<string> Symbols(HoconConfig c, string flavour)
    {
        var raw = c.GetStringList("symbols", []);
        var items = raw.Count == 0 ? [] : c.GetList("symbols");
        var symbols = new List<string>(raw.Count);
        for (var i = 0; i < raw.Count; i++)
        {
            if (!SymbolMap.TryNormalise(flavour, raw[i], out var symbol))
            {
                throw ConfigException.Invalid(items[i], $"{c.Path}.symbols[{i}]", "a symbol such as USDC/USD, USDC-USD or USDCUSD");
            }

            if (symbols.Contains(symbol))
            {
                throw ConfigException.Invalid(items[i], $"{c.Path}.symbols[{i}]", $"each symbol once ({symbol} is listed twice)");
            }

            symbols.Add(symbol);
        }

        return symbols;
    }

    /// <summary>One venue's feed settings.</summary>
    /// <param name="Name">The venue: <c>coinbase</c>, <c>kraken</c> or <c>binance</c>.</param>
    /// <param name="Enabled">Whether <c>actorarb run</c> streams this venue.</param>
    /// <param name="Flavour">The WebSocket protocol: <c>coinbase</c> or <c>coinbase-exchange</c>, <c>kraken</c> or <c>kraken-v1</c>, <c>binance</c>.</param>
    /// <param name="RestUrl">The REST root, without a trailing slash (history and gap refills).</param>
    /// <param name="WebSocketUrl">The WebSocket root.</param>
    /// <param name="Symbols">The normalised symbols to stream.</param>
    internal sealed record Venue(string Name, bool Enabled, string Flavour, Uri RestUrl, Uri WebSocketUrl, IReadOnlyList<string> Symbols);
}
