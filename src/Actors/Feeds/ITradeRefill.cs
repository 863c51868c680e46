using ActorArb.Domain.Events;
using ActorArb.Domain.Market;

namespace ActorArb.Actors.Feeds;

/// <summary>Fetches the trades a feed missed (a trade-id gap) from the exchange's REST trades endpoint.</summary>
public interface ITradeRefill
{
    /// <summary>Returns the trades strictly between the gap's after and before ids, oldest first.</summary>
    Task<IReadOnlyList<TradeTick>> RefillAsync(FeedGapDetected gap, CancellationToken cancellationToken);
}
