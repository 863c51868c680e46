using ActorArb.Domain.Market;

namespace ActorArb.Domain.Events;

/// <summary>
/// Trades are missing from a live feed between two known trades, so the window from <paramref name="FromTimeMs"/>
/// to <paramref name="ToTimeMs"/> must be refilled from the exchange's REST trades endpoint.
/// </summary>
/// <param name="Instrument">The instrument whose feed has the hole.</param>
/// <param name="TimeMs">When the gap became known: the exchange time of the trade that confirmed it.</param>
/// <param name="AfterTradeId">The last trade received before the hole (empty when none is known).</param>
/// <param name="BeforeTradeId">The first trade received after the hole (empty when none has arrived yet).</param>
/// <param name="FromTimeMs">The exchange time of <paramref name="AfterTradeId"/>: the window starts here.</param>
/// <param name="ToTimeMs">The exchange time of <paramref name="BeforeTradeId"/> (or the reconnect time): the window ends here.</param>
/// <param name="Reason">Why the hole is known, e.g. <c>trade id gap 105..109</c> (the missing ids) or <c>reconnect window</c>.</param>
public sealed record FeedGapDetected(
    InstrumentId Instrument,
    long TimeMs,
    string AfterTradeId,
    string BeforeTradeId,
    long FromTimeMs,
    long ToTimeMs,
    string Reason) : IDomainEvent;

/// <summary>A live feed connected to or disconnected from an exchange.</summary>
/// <param name="Exchange">The venue, e.g. <c>kraken</c>.</param>
/// <param name="TimeMs">The clock time of the change.</param>
/// <param name="Connected">True when the feed is now connected and subscribed, false when it lost the connection.</param>
/// <param name="Reason">Why, e.g. <c>initial</c>, <c>no message for 30 s</c> or the close status the server sent.</param>
public sealed record FeedConnectionChanged(string Exchange, long TimeMs, bool Connected, string Reason) : IDomainEvent;
