using System.Runtime.CompilerServices;
using ActorArb.Domain.Market;

namespace ActorArb.Actors.Feeds.Rest;

/// <summary>
/// Trade history for venues whose trade ids are whole numbers rising with time (Coinbase, Binance): walks forward
/// by id, and finds where a time starts by a binary search over ids, each probe one request for one trade
/// (about log2 of the newest id: some 30 requests on the busiest pairs), because neither venue's trades endpoint
/// takes a time.
/// </summary>
internal abstract class IdPagedRestClient(RestTransport transport) : RestHistoryClient(transport)
{
    /// <inheritdoc />
    public override async IAsyncEnumerable<TradeTick> TradesAsync(
        string symbol, TradeCursor from, long toMs, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var instrument = Instrument(symbol);
        if (await NewestAsync(instrument, cancellationToken).ConfigureAwait(false) is not { } newest)
        {
            yield break;
        }

        var afterId = from.AfterTradeId is { } id
            ? TradeIds.ParseLong(Venue, id, nameof(from))
            : await LastBeforeAsync(instrument, from.TimeMs, newest, cancellationToken).ConfigureAwait(false);
        await foreach (var trade in WalkAsync(instrument, afterId, long.MaxValue, newest.Id, toMs, cancellationToken).ConfigureAwait(false))
        {
            if (from.AfterTradeId is not null || trade.TimeMs >= from.TimeMs)
            {
                yield return trade;
            }
        }
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<TradeTick> TradesBetweenIdsAsync(
        string symbol, string afterId, string beforeId, long afterTimeMs, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var instrument = Instrument(symbol);
        var after = TradeIds.ParseLong(Venue, afterId, nameof(afterId));
        var before = string.IsNullOrEmpty(beforeId) ? long.MaxValue : TradeIds.ParseLong(Venue, beforeId, nameof(beforeId));
        if (before - after <= 1 || await NewestAsync(instrument, cancellationToken).ConfigureAwait(false) is not { } newest)
        {
            yield break;
        }

        await foreach (var trade in WalkAsync(instrument, after, before, newest.Id, long.MaxValue, cancellationToken).ConfigureAwait(false))
        {
            yield return trade;
        }
    }

    /// <summary>Returns the venue's newest trade's id and time, or null when the market has no trades.</summary>
    protected abstract Task<(long Id, long TimeMs)?> NewestAsync(InstrumentId instrument, CancellationToken cancellationToken);

    /// <summary>
    /// Returns the time of the trade one request finds near <paramref name="id"/> (Coinbase: the newest at or below
    /// it; Binance: the oldest at or above it), or null when there is none. Either way the time never falls as the id rises.
    /// </summary>
    protected abstract Task<long?> ProbeTimeAsync(InstrumentId instrument, long id, CancellationToken cancellationToken);

    /// <summary>
    /// Returns trades with ids above <paramref name="afterId"/>, oldest first, and the id the next page starts after:
    /// every trade with an id up to that one is in this page.
    /// </summary>
    protected abstract Task<(IReadOnlyList<TradeTick> Trades, long NextAfterId)> PageAfterAsync(InstrumentId instrument, long afterId, CancellationToken cancellationToken);

    /// <summary>Returns the id just before the first trade at or after <paramref name="timeMs"/> (the newest id when none is that late).</summary>
    private async Task<long> LastBeforeAsync(InstrumentId instrument, long timeMs, (long Id, long TimeMs) newest, CancellationToken cancellationToken)
    {
        if (newest.TimeMs < timeMs)
        {
            return newest.Id;
        }

        // The smallest id whose probe is at or after the time; the probe of the newest id is the newest trade, which is.
        long low = 0, high = newest.Id;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (await ProbeTimeAsync(instrument, middle, cancellationToken).ConfigureAwait(false) is { } probed && probed >= timeMs)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low - 1;
    }

    private async IAsyncEnumerable<TradeTick> WalkAsync(
        InstrumentId instrument, long afterId, long beforeId, long newestId, long toMs, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var refreshed = false;
        while (true)
        {
            if (afterId >= newestId)
            {
                // Trades may have come while walking: look once more, then stop at what the venue has.
                if (refreshed || await NewestAsync(instrument, cancellationToken).ConfigureAwait(false) is not { } newest || newest.Id <= afterId)
                {
                    yield break;
                }

                newestId = newest.Id;
                refreshed = true;
            }

            var (trades, next) = await PageAfterAsync(instrument, afterId, cancellationToken).ConfigureAwait(false);
            foreach (var trade in trades)
            {
                if (TradeIds.ParseLong(Venue, trade.TradeId, nameof(trade)) >= beforeId || trade.TimeMs >= toMs)
                {
                    yield break;
                }

                yield return trade;
            }

            if (next <= afterId)
            {
                yield break;
            }

            afterId = next;
        }
    }
}
