using ActorArb.Actors.Feeds;
using ActorArb.Actors.Feeds.Rest;
using ActorArb.Domain.Events;
using ActorArb.Domain.Market;

namespace ActorArb.Actors.Live;

/// <summary>Refills a feed's gaps from the venue's REST trades endpoint (rate-limited, retried by the client's transport).</summary>
public sealed class RestTradeRefill(IRestHistoryClient client) : ITradeRefill
{
    /// <inheritdoc/>
    public async Task<IReadOnlyList<TradeTick>> RefillAsync(FeedGapDetected gap, CancellationToken cancellationToken) =>
        await client.RefillAsync(gap, cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
}
