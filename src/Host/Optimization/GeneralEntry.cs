using ActorArb.Domain.Market;
using ActorArb.Domain.Metrics;

namespace ActorArb.Host.Optimization;

/// <summary>One combination of the general mode: its timeframe, parameter values (in the grid's key order), metrics, objective and whether it meets the constraints.</summary>
internal sealed record GeneralEntry(Timeframe Timeframe, IReadOnlyList<string> Values, PerformanceReport Report, double Objective, bool Eligible);
