using ActorArb.Domain.Market;
using ActorArb.Domain.Optimization;

namespace ActorArb.Host.Optimization;

/// <summary>What a study found on one timeframe: its bars, every evaluated combination and the hindsight bound.</summary>
internal sealed record TimeframeStudy(
    Timeframe Timeframe,
    long[] OpenMs,
    TickSeries Series,
    IReadOnlyList<decimal> Buys,
    IReadOnlyList<decimal> Sells,
    IReadOnlyList<StudyEntry> Entries,
    HindsightResult Hindsight,
    IReadOnlyDictionary<string, int> ByWorker);
