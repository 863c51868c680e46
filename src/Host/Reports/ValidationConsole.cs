using System.Globalization;
using ActorArb.Domain.Time;
using ActorArb.Domain.Validation;

namespace ActorArb.Host.Reports;

/// <summary>
/// The console summary of <c>actorarb validate</c>: one block per series (verdict, bars, gaps, stale runs, outliers,
/// errors), its errors as <c>file:line: kind: message</c> so editors can jump to them, one line per comparison, and the
/// overall verdict.
/// </summary>
internal static class ValidationConsole
{
    /// <summary>The errors printed per series; the JSON and HTML reports list more.</summary>
    public const int ErrorsShown = 10;

    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>Writes the summary; <paramref name="quiet"/> keeps only the errors and the verdict.</summary>
    public static void Write(TextWriter output, ValidationRun run, bool quiet)
    {
        for (var i = 0; i < run.Series.Length; i++)
        {
            var series = run.Series[i];
            var v = series.Validation;
            var s = v.Summary;
            if (!quiet)
            {
                output.WriteLine($"{Verdict(v.Verdict),-4}  {v.Instrument} {v.Timeframe}  {run.Name(i)}");
                var extent = v.Bars.IsEmpty ? "no usable bar" : $"{Date(v.Bars[0].TimeMs)} → {Date(v.Bars[^1].TimeMs)}";
                output.WriteLine(string.Create(C, $"      {v.RowsRead:N0} rows, {v.Bars.Length:N0} bars kept, {extent}"));
                output.WriteLine(string.Create(C, $"      gaps {s.Gaps:N0} ({s.MissingBars:N0} missing bars, longest {s.LongestGapBars:N0}); stale runs {s.CountOf(ValidationKind.StaleRun):N0}; outliers {s.CountOf(ValidationKind.ReturnOutlier):N0} returns, {s.CountOf(ValidationKind.CloseOutlier):N0} closes; duplicates {s.CountOf(ValidationKind.ExactDuplicate):N0} exact; errors {s.Errors:N0}"));
            }

            var errors = v.Findings.Where(f => f.Severity == ValidationSeverity.Error).ToList();
            foreach (var error in errors.Take(ErrorsShown))
            {
                output.WriteLine($"{Where(series, error)}: {ValidationKinds.ToWire(error.Kind)}: {error.Message}");
            }

            if (errors.Count > ErrorsShown)
            {
                output.WriteLine(string.Create(C, $"{series.Source}: … and {errors.Count - ErrorsShown:N0} more errors (see validation.json)"));
            }
        }

        foreach (var pair in run.Pairs)
        {
            var r = pair.Report;
            var text = string.Create(C, $"{Verdict(r.Verdict),-4}  {r.First} vs {r.Second} {r.Timeframe}: {r.DivergentBars:N0} of {r.AlignedBars:N0} aligned bars beyond {r.Threshold:0.##%} in {r.Runs.Length:N0} runs");
            if (r.LongestRun is { } longest)
            {
                text += string.Create(C, $"; longest {longest.Bars:N0} bars from {Date(longest.TimeMs!.Value)} to {Date(longest.EndTimeMs!.Value)}");
            }

            if (r.Largest is { } largest)
            {
                text += string.Create(C, $"; largest {largest.Divergence:+0.###%;-0.###%;0%} at {Date(largest.TimeMs)}");
            }

            output.WriteLine(text);
        }

        output.WriteLine($"verdict: {Verdict(run.Verdict)}");
    }

    private static string Where(ValidatedSeries series, ValidationFinding finding) =>
        finding.Line is { } line ? string.Create(C, $"{series.Source}:{line}")
        : finding.TimeMs is { } time ? $"{series.Source}: {UnixTime.ToIso(time)}"
        : series.Source;

    private static string Verdict(ValidationVerdict verdict) => verdict.ToString().ToUpperInvariant();

    private static string Date(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd HH:mm", C);
}
