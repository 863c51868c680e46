using ActorArb.Domain.Market;

namespace ActorArb.Actors.Feeds.Rest;

/// <summary>The bars a <see cref="CandleBackfill"/> should make sure the store holds.</summary>
/// <param name="Symbol">The symbol, in any spelling the venue's client reads (e.g. <c>USDC/USD</c>).</param>
/// <param name="Timeframe">The bar length; the venue must serve it.</param>
/// <param name="FromMs">The earliest bar open wanted (rounded up to the timeframe).</param>
/// <param name="ToMs">The end, exclusive: bars opening before it (and closed by the backfill's clock).</param>
public sealed record BackfillRequest(string Symbol, Timeframe Timeframe, long FromMs, long ToMs);
