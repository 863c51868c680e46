using ActorArb.Domain.Optimization;

namespace ActorArb.Host.Optimization;

/// <summary>
/// The outcome of an optimisation over every timeframe: per-timeframe studies, the ranking (best first, eligible
/// combinations only), the walk-forward report on the best timeframe when asked for, and whether it was cancelled.
/// </summary>
internal sealed record StudyResult(
    IReadOnlyList<TimeframeStudy> Timeframes,
    IReadOnlyList<StudyEntry> Ranking,
    WalkForwardReport? WalkForward,
    bool Cancelled,
    TimeSpan Elapsed)
{
    /// <summary>Gets the best eligible combination, or null when none met the constraints.</summary>
    public StudyEntry? Best => Ranking.Count > 0 ? Ranking[0] : null;

    /// <summary>Gets the study of the best combination's timeframe.</summary>
    public TimeframeStudy? BestTimeframe => Best is { } best ? Timeframes.First(t => t.Timeframe == best.Timeframe) : null;

    /// <summary>Gets the number of combinations evaluated over all timeframes.</summary>
    public int Evaluated => Timeframes.Sum(t => t.Entries.Count);
}
