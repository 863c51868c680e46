using System.Collections.Immutable;
using ActorArb.Domain.Validation;

namespace ActorArb.Host.Reports;

/// <summary>One validated series and where it came from: a file path, or a source description when <paramref name="IsFile"/> is false.</summary>
internal sealed record ValidatedSeries(string Source, bool IsFile, SeriesValidation Validation);

/// <summary>A cross-series comparison and the positions of its two series in <see cref="ValidationRun.Series"/>.</summary>
internal sealed record ValidatedPair(int First, int Second, DivergenceReport Report);

/// <summary>
/// Everything <c>actorarb validate</c> found: the series in the order given, the comparisons of every two series of
/// the same symbol and timeframe, and the options used. <see cref="MaxFindingsPerKind"/> bounds what the reports list
/// of each kind (0: everything); the counts always cover every finding.
/// </summary>
internal sealed record ValidationRun(ImmutableArray<ValidatedSeries> Series, ImmutableArray<ValidatedPair> Pairs, ValidationOptions Options, int MaxFindingsPerKind)
{
    /// <summary>Gets the worst verdict of the series and the comparisons.</summary>
    public ValidationVerdict Verdict =>
        Series.Select(s => s.Validation.Verdict).Concat(Pairs.Select(p => p.Report.Verdict)).DefaultIfEmpty(ValidationVerdict.Pass).Max();

    /// <summary>Returns the findings of one series that the reports list: at most <see cref="MaxFindingsPerKind"/> of each kind, in order.</summary>
    public IEnumerable<ValidationFinding> Listed(SeriesValidation validation)
    {
        var listed = new int[ValidationKinds.All.Count];
        foreach (var finding in validation.Findings)
        {
            if (MaxFindingsPerKind == 0 || listed[(int)finding.Kind]++ < MaxFindingsPerKind)
            {
                yield return finding;
            }
        }
    }

    /// <summary>Returns how many findings of <paramref name="kind"/> the reports leave out.</summary>
    public int LeftOut(SeriesValidation validation, ValidationKind kind) =>
        MaxFindingsPerKind == 0 ? 0 : Math.Max(0, validation.Summary.CountOf(kind) - MaxFindingsPerKind);

    /// <summary>Returns a short name for series <paramref name="index"/>: its file name, or its source description.</summary>
    public string Name(int index) => Series[index].IsFile ? Path.GetFileName(Series[index].Source) : Series[index].Source;
}
