using ActorArb.Domain.Market;

namespace ActorArb.Actors.Feeds.Rest;

/// <summary>What one backfill run did.</summary>
/// <param name="Instrument">The instrument, with its normalised symbol.</param>
/// <param name="Timeframe">The bar length.</param>
/// <param name="FromMs">The first bar open of the range.</param>
/// <param name="ToMs">The end of the range, exclusive, after capping at the clock (only closed bars are stored).</param>
/// <param name="StreamId">The event stream the bars were appended to.</param>
/// <param name="Expected">Bars in the range: one per interval.</param>
/// <param name="AlreadyPresent">Bars the store held before the run (from any stream: a live feed, an earlier backfill).</param>
/// <param name="Fetched">Bars taken from the venue and stored.</param>
/// <param name="FlatsFilled">Flat bars added for intervals the venue left out between two bars (Coinbase omits intervals without trades).</param>
/// <param name="Written">Events the store actually wrote (fewer than fetched plus filled only when another writer got there first).</param>
/// <param name="Gaps">Runs of missing bars found at the start.</param>
/// <param name="GapsClosed">Of those, the runs now complete.</param>
/// <param name="StillMissing">Bars of the range still absent: intervals before the first trade the venue knows, or after the last when nothing follows them.</param>
/// <param name="Rest">The REST transport's counters for this run.</param>
public sealed record BackfillResult(
    InstrumentId Instrument,
    Timeframe Timeframe,
    long FromMs,
    long ToMs,
    string StreamId,
    long Expected,
    long AlreadyPresent,
    long Fetched,
    long FlatsFilled,
    long Written,
    int Gaps,
    int GapsClosed,
    long StillMissing,
    RestCounters Rest);
