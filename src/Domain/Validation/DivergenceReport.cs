using System.Collections.Immutable;
using ActorArb.Domain.Market;

namespace ActorArb.Domain.Validation;

/// <summary>
/// How two series of the same symbol and timeframe (usually from two exchanges) agree: the aligned bars (present in
/// both), how many diverge beyond the threshold, the largest divergence, and the divergent runs as findings.
/// </summary>
/// <param name="First">The first series' instrument; divergences are <c>first / second − 1</c>.</param>
/// <param name="Second">The second series' instrument.</param>
/// <param name="Timeframe">The timeframe both share.</param>
/// <param name="Threshold">The <c>|divergence|</c> above which a bar diverges.</param>
/// <param name="DivergentBars">The aligned bars beyond the threshold.</param>
/// <param name="Largest">The aligned bar with the largest <c>|divergence|</c> (the earliest among equals); null when no bar aligns.</param>
/// <param name="Runs">
/// One <see cref="ValidationKind.Divergence"/> finding per run of consecutive aligned bars beyond the threshold, in
/// time order. A run is ended by an aligned bar within the threshold, not by bars missing from either series.
/// </param>
/// <param name="LongestRun">The run with the most bars (the earliest among equals); null when there is none.</param>
/// <param name="Points">The divergence at every aligned bar, in time order, for charts.</param>
public sealed record DivergenceReport(
    InstrumentId First,
    InstrumentId Second,
    Timeframe Timeframe,
    double Threshold,
    int DivergentBars,
    DivergencePoint? Largest,
    ImmutableArray<ValidationFinding> Runs,
    ValidationFinding? LongestRun,
    ImmutableArray<DivergencePoint> Points)
{
    /// <summary>Gets the number of bars present in both series.</summary>
    public int AlignedBars => Points.Length;

    /// <summary>Gets <see cref="ValidationVerdict.Warn"/> when any bar diverges, else <see cref="ValidationVerdict.Pass"/>: divergence is a market fact as often as a data fault, so it never fails.</summary>
    public ValidationVerdict Verdict => Runs.IsEmpty ? ValidationVerdict.Pass : ValidationVerdict.Warn;
}
