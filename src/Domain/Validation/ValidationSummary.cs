using System.Collections.Immutable;
using System.Globalization;

namespace ActorArb.Domain.Validation;

/// <summary>
/// The totals of one validated series: the verdict and the reasons for it, the number of findings of each kind, and
/// the gap statistics (gaps, missing bars, the longest gap and the longest few gaps).
/// </summary>
/// <param name="Verdict">Pass, warn or fail by the rules of <see cref="ValidationVerdict"/>.</param>
/// <param name="Reasons">One line per kind found (e.g. <c>gap (missing bars): 4,573</c>), errors first; empty on a pass.</param>
/// <param name="Counts">The number of findings of each kind, indexed by <c>(int)</c><see cref="ValidationKind"/>; read it through <see cref="CountOf"/>.</param>
/// <param name="Errors">The number of error findings: the sum of <paramref name="Counts"/> over the error kinds.</param>
/// <param name="Warnings">The number of warning findings: the sum of <paramref name="Counts"/> over the warning kinds.</param>
/// <param name="MissingBars">The bars missing across all gaps.</param>
/// <param name="LongestGaps">The longest gaps, longest first (earliest first among equals), as many as <see cref="ValidationOptions.LongestGaps"/>.</param>
public sealed record ValidationSummary(
    ValidationVerdict Verdict,
    ImmutableArray<string> Reasons,
    ImmutableArray<int> Counts,
    int Errors,
    int Warnings,
    long MissingBars,
    ImmutableArray<ValidationFinding> LongestGaps)
{
    /// <summary>Gets the number of gaps (runs of missing bars).</summary>
    public int Gaps => CountOf(ValidationKind.Gap);

    /// <summary>Gets the length in bars of the longest gap; 0 when there is none.</summary>
    public int LongestGapBars => LongestGaps.IsDefaultOrEmpty ? 0 : LongestGaps[0].Bars;

    /// <summary>Returns the number of findings of <paramref name="kind"/>.</summary>
    public int CountOf(ValidationKind kind) => Counts[(int)kind];

    /// <summary>
    /// Returns the summary of <paramref name="findings"/> by the verdict rules; <paramref name="hasBars"/> false (no
    /// usable bar) fails whatever the findings.
    /// </summary>
    public static ValidationSummary Of(IReadOnlyList<ValidationFinding> findings, bool hasBars, int longestGaps)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var counts = new int[ValidationKinds.All.Count];
        long missing = 0;
        foreach (var finding in findings)
        {
            counts[(int)finding.Kind]++;
            if (finding.Kind == ValidationKind.Gap)
            {
                missing += finding.Bars;
            }
        }

        var errors = 0;
        var warnings = 0;
        var reasons = ImmutableArray.CreateBuilder<string>();
        if (!hasBars)
        {
            reasons.Add("no usable bar");
        }

        foreach (var kind in ValidationKinds.All)
        {
            if (ValidationKinds.SeverityOf(kind) == ValidationSeverity.Error)
            {
                errors += counts[(int)kind];
            }
            else
            {
                warnings += counts[(int)kind];
            }

            if (counts[(int)kind] > 0)
            {
                reasons.Add(string.Create(CultureInfo.InvariantCulture, $"{ValidationKinds.Describe(kind)}: {counts[(int)kind]:N0}"));
            }
        }

        var verdict = !hasBars || errors > 0 ? ValidationVerdict.Fail
            : warnings > 0 ? ValidationVerdict.Warn
            : ValidationVerdict.Pass;
        var longest = findings.Where(f => f.Kind == ValidationKind.Gap)
            .OrderByDescending(f => f.Bars)
            .ThenBy(f => f.TimeMs)
            .Take(longestGaps)
            .ToImmutableArray();
        return new ValidationSummary(verdict, reasons.ToImmutable(), [.. counts], errors, warnings, missing, longest);
    }
}
