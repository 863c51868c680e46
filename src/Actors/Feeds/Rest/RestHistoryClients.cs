using ActorArb.Domain.Events;
using ActorArb.Domain.Market;

namespace ActorArb.Actors.Feeds.Rest;

/// <summary>Creates the REST history client of a venue, and refills a live feed's gap through one.</summary>
public static class RestHistoryClients
{
    /// <summary>Returns the real API root of a venue: Coinbase Exchange, Kraken or Binance spot.</summary>
    /// <exception cref="ArgumentException">The venue has no REST client.</exception>
    public static Uri DefaultBaseUri(string venue) => venue switch
    {
        RateLimits.Coinbase => new Uri("https://api.exchange.coinbase.com"),
        RateLimits.Kraken => new Uri("https://api.kraken.com"),
        RateLimits.Binance => new Uri("https://api.binance.com"),
        _ => throw RateLimits.UnknownVenue(venue, nameof(venue)),
    };

    /// <summary>Returns the client of the venue <paramref name="transport"/> reaches; the caller keeps and disposes the transport.</summary>
    public static IRestHistoryClient Create(RestTransport transport)
    {
        ArgumentNullException.ThrowIfNull(transport);
        return transport.Venue switch
        {
            RateLimits.Coinbase => new CoinbaseRestClient(transport),
            RateLimits.Kraken => new KrakenRestClient(transport),
            _ => new BinanceRestClient(transport),
        };
    }

    /// <summary>
    /// Returns the trades a live feed missed in <paramref name="gap"/>: those strictly between its two trade ids, or
    /// every trade after the first id up to the newest when the gap is a reconnect window (no id after it yet), or
    /// every trade of its time window when no trade was known before it. Overlap with trades the feed already has is
    /// for its deduplicator to drop.
    /// </summary>
    /// <exception cref="ArgumentException">The gap belongs to another venue, or its ids are not the venue's numeric ids.</exception>
    /// <exception cref="RestRequestException">A request failed for good.</exception>
    public static IAsyncEnumerable<TradeTick> RefillAsync(this IRestHistoryClient client, FeedGapDetected gap, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(gap);
        if (gap.Instrument.Exchange != client.Venue)
        {
            throw new ArgumentException($"a gap of {gap.Instrument} cannot be refilled from {client.Venue}", nameof(gap));
        }

        return string.IsNullOrEmpty(gap.AfterTradeId)
            ? client.TradesAsync(gap.Instrument.Symbol, TradeCursor.FromTime(gap.FromTimeMs), gap.ToTimeMs + 1, cancellationToken)
            : client.TradesBetweenIdsAsync(gap.Instrument.Symbol, gap.AfterTradeId, gap.BeforeTradeId, gap.FromTimeMs, cancellationToken);
    }
}
