using System.Collections.Immutable;
using System.Globalization;
using ActorArb.Domain.Market;
using ActorArb.Domain.Time;

namespace ActorArb.Domain.Validation;

/// <summary>
/// Checks one series of candle rows (one instrument, one timeframe) and reports what is wrong or unusual with it:
/// OHLC integrity, non-positive prices, negative volumes, misaligned and backwards times, duplicate times (same and
/// conflicting values), gaps, stale runs and robust (median/MAD) outliers of returns and closes. Nothing is adjusted
/// or dropped silently: every row set aside is a finding. Pure and deterministic; one pass per check, so a month of
/// 1-minute bars takes milliseconds.
/// </summary>
public static partial class CandleValidator
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>
    /// Validates <paramref name="rows"/> (in file order) together with the rows their reader could not parse, and
    /// returns the findings, the bars kept and the verdict.
    /// </summary>
    /// <exception cref="ArgumentException">The timeframe is not positive or the options are out of range.</exception>
    public static SeriesValidation Validate(
        InstrumentId instrument,
        Timeframe timeframe,
        IReadOnlyList<CandleRow> rows,
        IReadOnlyList<UnreadableRow> unreadable,
        ValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(unreadable);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(timeframe.Ms, nameof(timeframe));
        options.Validate();

        var findings = new List<ValidationFinding>(unreadable.Count);
        foreach (var row in unreadable)
        {
            findings.Add(new ValidationFinding(ValidationKind.Unreadable, null, row.Line, $"{row.Reason}: {row.Text}"));
        }

        var bars = KeepRows(rows, timeframe, findings);
        FindGaps(bars, timeframe, findings);
        FindStaleRuns(bars, timeframe, options, findings);
        FindOutliers(bars, options, findings);

        // LINQ's ordering is stable, so findings of one bar and kind keep the order they were found in.
        var ordered = findings
            .OrderBy(f => f.TimeMs ?? long.MinValue)
            .ThenBy(f => f.Line ?? 0)
            .ThenBy(f => f.Kind)
            .ToImmutableArray();
        return new SeriesValidation(
            instrument,
            timeframe,
            rows.Count + unreadable.Count,
            bars,
            ordered,
            ValidationSummary.Of(ordered, hasBars: bars.Length > 0, options.LongestGaps));
    }

    private static string Iso(long timeMs) => UnixTime.ToIso(timeMs);

    private static string AtLine(in CandleRow row) => row.Line is { } line ? string.Create(C, $" (line {line})") : string.Empty;
}
