using ActorArb.Domain.Market;
using ActorArb.Domain.Optimization;

namespace ActorArb.Host.Optimization;

/// <summary>One evaluated combination of a study: its timeframe, thresholds, run, objective value and whether it meets the constraints.</summary>
internal sealed record StudyEntry(Timeframe Timeframe, decimal Buy, decimal Sell, ThresholdRun Run, double Objective, bool Eligible);
