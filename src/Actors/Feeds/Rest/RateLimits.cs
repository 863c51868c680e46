namespace ActorArb.Actors.Feeds.Rest;

/// <summary>
/// The default public REST limits of each venue, read conservatively from the venues' documentation, and the venue
/// names the REST clients accept (the normalised <c>InstrumentId.Exchange</c> values).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>coinbase</c>: Coinbase Exchange REST, "public endpoints: 10 requests per second per IP, bursts up to 15"
/// (docs.cdp.coinbase.com, Exchange REST rate limits); a bucket of 10 refilled at 10/s leaves the burst allowance unused.</item>
/// <item><c>binance</c>: Binance spot <c>REQUEST_WEIGHT</c> 6000 per minute per IP (<c>/api/v3/exchangeInfo</c>
/// <c>rateLimits</c>); the window is a fixed calendar minute, so a bucket of 600 refilled at 90/s can never spend
/// more than 600 + 60 × 90 = 6000 in any one minute. Requests cost their documented weight (klines 2, trades and
/// historical trades 25).</item>
/// <item><c>kraken</c>: Kraken's per-IP call counter for public endpoints, read as maximum 15 with a decay of
/// 0.33 per second and a cost of 1 per call (Kraken support, "REST API rate limits"; the public-endpoint figures are
/// not published exactly, and these are the conservative ones its documentation gives for the lowest tier).</item>
/// </list>
/// </remarks>
public static class RateLimits
{
    /// <summary>The Coinbase venue.</summary>
    public const string Coinbase = "coinbase";

    /// <summary>The Kraken venue.</summary>
    public const string Kraken = "kraken";

    /// <summary>The Binance venue.</summary>
    public const string Binance = "binance";

    /// <summary>Gets the venues with REST history clients.</summary>
    public static IReadOnlyList<string> Venues { get; } = [Coinbase, Kraken, Binance];

    /// <summary>Returns a fresh limiter with <paramref name="venue"/>'s default limits on <paramref name="time"/>.</summary>
    /// <exception cref="ArgumentException">The venue is not one of <see cref="Venues"/>.</exception>
    public static IRateLimiter For(string venue, TimeProvider? time = null) => venue switch
    {
        Coinbase => new TokenBucket(10, 10, time),
        Binance => new TokenBucket(600, 90, time),
        Kraken => new KrakenCallCounter(15, 0.33, time),
        _ => throw UnknownVenue(venue, nameof(venue)),
    };

    /// <summary>Returns the exception for a venue without a REST client.</summary>
    internal static ArgumentException UnknownVenue(string venue, string parameter) =>
        new($"no REST history client for venue \"{venue}\" (known: {string.Join(", ", Venues)})", parameter);
}
