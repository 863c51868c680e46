using System.Collections.Immutable;
using ActorArb.Domain.Market;

namespace ActorArb.Domain.Validation;

/// <summary>
/// The validation of one series (one instrument and timeframe): what was read, the bars the series checks kept, every
/// finding, and the summary with the verdict.
/// </summary>
/// <param name="Instrument">The instrument the rows belong to.</param>
/// <param name="Timeframe">The bars' timeframe.</param>
/// <param name="RowsRead">The rows given to the validator, the unreadable ones included.</param>
/// <param name="Bars">
/// The rows left once every row with an error finding and every repeated time is set aside, in time order: the series
/// a replay that skips bad rows would see, and the one the gap, stale, outlier and divergence checks look at.
/// </param>
/// <param name="Findings">Every finding, ordered by time (unreadable rows, which have none, first), then line, then kind.</param>
/// <param name="Summary">The counts, gap statistics and verdict.</param>
public sealed record SeriesValidation(
    InstrumentId Instrument,
    Timeframe Timeframe,
    int RowsRead,
    ImmutableArray<CandleRow> Bars,
    ImmutableArray<ValidationFinding> Findings,
    ValidationSummary Summary)
{
    /// <summary>Gets the verdict of <see cref="Summary"/>.</summary>
    public ValidationVerdict Verdict => Summary.Verdict;
}
