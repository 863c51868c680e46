using System.Globalization;
using ActorArb.Domain.Validation;

namespace ActorArb.Host.Reports;

/// <summary>The charts of the validation report: a series' close with its findings marked, and a comparison's divergence.</summary>
internal static partial class ValidationHtml
{
    private const int Width = 1100;

    /// <summary>The bands or markers of one kind a chart draws; beyond that the chart would be noise and the tables say more.</summary>
    private const int MaxMarks = 400;

    private const string CloseColor = "#1f77b4";
    private const string GapColor = "rgba(214,39,40,0.18)";
    private const string StaleColor = "rgba(127,127,127,0.25)";
    private const string CloseOutlierColor = "#d62728";
    private const string ReturnOutlierColor = "#ff7f0e";
    private const string ErrorColor = "#7b0000";

    private static string CloseChart(ValidationRun run, SeriesValidation v)
    {
        var points = v.Bars.Select(b => (b.TimeMs, b.Close.ToDouble())).ToList();
        var (min, max) = SvgChart.Range(points.Select(p => p.Item2));
        var chart = new SvgChart(Width, 320, points[0].TimeMs, v.Bars[^1].TimeMs + v.Timeframe.Ms, min, max);
        foreach (var gap in v.Summary.LongestGaps)
        {
            chart.Band(gap.TimeMs!.Value, gap.EndTimeMs!.Value, GapColor, gap.Message);
        }

        foreach (var stale in v.Findings.Where(f => f.Kind == ValidationKind.StaleRun).Take(MaxMarks))
        {
            chart.Band(stale.TimeMs!.Value, stale.EndTimeMs!.Value, StaleColor, stale.Message);
        }

        chart.Line(points, CloseColor, "close");
        var closes = v.Bars.ToDictionary(b => b.TimeMs, b => b.Close.ToDouble());
        foreach (var (kind, color) in new[] { (ValidationKind.ReturnOutlier, ReturnOutlierColor), (ValidationKind.CloseOutlier, CloseOutlierColor) })
        {
            foreach (var outlier in v.Findings.Where(f => f.Kind == kind).Take(MaxMarks))
            {
                var close = closes[outlier.TimeMs!.Value];
                chart.Marker(outlier.TimeMs.Value, close, up: close < (min + max) / 2, color, outlier.Message);
            }
        }

        // Rows with errors are not in the series, so their marks sit on the bottom edge at their time.
        foreach (var error in v.Findings.Where(f => f.Severity == ValidationSeverity.Error && f.TimeMs is not null).Take(MaxMarks))
        {
            chart.Marker(error.TimeMs!.Value, min, up: true, ErrorColor, $"line {error.Line}: {error.Message}");
        }

        return chart.Render(max - min < 0.1 ? "0.0000" : "0.##");
    }

    private static string CloseLegend() => string.Create(CultureInfo.InvariantCulture, $"""
        <p class="legend"><span><i class="swatch" style="background:{CloseColor}"></i>close</span><span><i class="swatch" style="background:{GapColor}"></i>longest gaps</span><span><i class="swatch" style="background:{StaleColor}"></i>stale runs</span><span><i class="swatch" style="background:{ReturnOutlierColor}"></i>return outlier</span><span><i class="swatch" style="background:{CloseOutlierColor}"></i>close outlier</span><span><i class="swatch" style="background:{ErrorColor}"></i>row with an error (bottom edge)</span></p>
        """);

    private static string DivergenceChart(DivergenceReport r)
    {
        var points = r.Points.Select(p => (p.TimeMs, p.Divergence)).ToList();
        var (min, max) = SvgChart.Range(points.Select(p => p.Item2).Append(r.Threshold).Append(-r.Threshold));
        var (from, to) = (points[0].TimeMs, points[^1].TimeMs + r.Timeframe.Ms);
        var chart = new SvgChart(Width, 260, from, to, min, max);
        foreach (var run in r.Runs.OrderByDescending(f => f.Bars).Take(MaxMarks))
        {
            chart.Band(run.TimeMs!.Value, run.EndTimeMs!.Value, GapColor, run.Message);
        }

        chart.Line([(from, r.Threshold), (to, r.Threshold)], "#999", "threshold");
        chart.Line([(from, -r.Threshold), (to, -r.Threshold)], "#999", "threshold");
        chart.Line(points, CloseColor, $"{r.First} / {r.Second} − 1");
        return chart.Render("0.00%");
    }
}
