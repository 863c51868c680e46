using ActorArb.Domain.Optimization;
using ActorArb.Host.Composition;

namespace ActorArb.Host.Optimization;

/// <summary>
/// The outcome of a general-mode optimisation: every evaluated combination, the ranking (best first, eligible only),
/// the hindsight bound on the best's timeframe, and whether it was cancelled.
/// </summary>
internal sealed record GeneralResult(
    string StrategyType,
    IReadOnlyList<GridParameter> Parameters,
    double InitialCash,
    int TapeCandles,
    IReadOnlyList<GeneralEntry> Entries,
    IReadOnlyList<GeneralEntry> Ranking,
    HindsightResult? Hindsight,
    IReadOnlyDictionary<string, int> ByWorker,
    bool Cancelled,
    TimeSpan Elapsed)
{
    /// <summary>Gets the best eligible combination, or null when none met the constraints.</summary>
    public GeneralEntry? Best => Ranking.Count > 0 ? Ranking[0] : null;

    /// <summary>Returns a combination's parameters as <c>key=value</c> pairs, timeframe first.</summary>
    public string Describe(GeneralEntry entry) =>
        string.Join(' ', Parameters.Select((p, i) => $"{p.Key}={entry.Values[i]}").Prepend($"timeframe={entry.Timeframe}"));
}
