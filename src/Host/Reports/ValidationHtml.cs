using System.Globalization;
using System.Text;
using ActorArb.Domain.Time;
using ActorArb.Domain.Validation;

namespace ActorArb.Host.Reports;

/// <summary>
/// Renders <c>validation.html</c>: one self-contained page (inline SVG, no scripts) with a summary table per series and
/// per comparison, then for each series its close with the flagged bars marked and its findings by kind, and for each
/// comparison the divergence over time with its runs.
/// </summary>
internal static partial class ValidationHtml
{
    /// <summary>The findings of one kind a table shows; the JSON lists more.</summary>
    private const int TableRows = 50;

    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static string Render(ValidationRun run)
    {
        var html = new StringBuilder();
        ReportPage.Start(html, "ActorArb data validation", """
            .pass { color: #2a7d2a; } .warn { color: #b36b00; } .fail { color: #c00; font-weight: bold; }
            td.msg, th.msg { text-align: left; } .legend span { display: inline-block; margin-right: 14px; font-size: 12px; }
            .swatch { display: inline-block; width: 12px; height: 12px; vertical-align: middle; margin-right: 4px; }

            """);
        html.Append(C, $"""
            <p>Verdict {Badge(run.Verdict)} over {run.Series.Length} series and {run.Pairs.Length} comparison{(run.Pairs.Length == 1 ? "" : "s")}.
            A series <b>fails</b> on any error (unreadable row, non-positive price, high below or low above the open/close body,
            negative volume, misaligned or backwards time, duplicate time with different values) or when no bar is usable;
            it <b>warns</b> on exact duplicates, gaps, stale runs ({run.Options.StaleBars}+ bars, rule {run.Options.StaleRule}),
            robust outliers (|x − median| / (1.4826·MAD) over the previous {run.Options.OutlierWindow} values above {run.Options.OutlierThreshold},
            at least {run.Options.OutlierMinDeviation:0.###%} off the median) and divergence between series of the same symbol
            (|close_a / close_b − 1| above {run.Options.DivergenceThreshold:0.###%}). Rows with errors are left out of the series
            the gap, stale, outlier and divergence checks see.</p>
            """);
        SeriesTable(html, run);
        PairsTable(html, run);
        for (var i = 0; i < run.Series.Length; i++)
        {
            SeriesSection(html, run, i);
        }

        foreach (var pair in run.Pairs)
        {
            PairSection(html, run, pair);
        }

        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static void SeriesTable(StringBuilder html, ValidationRun run)
    {
        html.Append("<h2>Series</h2><table><tr><th>series</th><th>instrument</th><th>timeframe</th><th>rows</th><th>bars kept</th><th>first</th><th>last</th><th>errors</th><th>gaps</th><th>missing bars</th><th>longest gap</th><th>stale runs</th><th>return outliers</th><th>close outliers</th><th>verdict</th></tr>");
        for (var i = 0; i < run.Series.Length; i++)
        {
            var v = run.Series[i].Validation;
            var s = v.Summary;
            html.Append(C, $"<tr><td><a href=\"#series-{i}\">{SvgChart.Escape(run.Name(i))}</a></td><td>{SvgChart.Escape(v.Instrument.ToString())}</td><td>{v.Timeframe}</td><td>{v.RowsRead:N0}</td><td>{v.Bars.Length:N0}</td>");
            html.Append(C, $"<td>{(v.Bars.IsEmpty ? "—" : Date(v.Bars[0].TimeMs))}</td><td>{(v.Bars.IsEmpty ? "—" : Date(v.Bars[^1].TimeMs))}</td><td>{s.Errors:N0}</td><td>{s.Gaps:N0}</td><td>{s.MissingBars:N0}</td><td>{s.LongestGapBars:N0}</td>");
            html.Append(C, $"<td>{s.CountOf(ValidationKind.StaleRun):N0}</td><td>{s.CountOf(ValidationKind.ReturnOutlier):N0}</td><td>{s.CountOf(ValidationKind.CloseOutlier):N0}</td><td>{Badge(v.Verdict)}</td></tr>");
        }

        html.Append("</table>");
    }

    private static void PairsTable(StringBuilder html, ValidationRun run)
    {
        if (run.Pairs.IsEmpty)
        {
            return;
        }

        html.Append("<h2>Cross-series divergence</h2><table><tr><th>first</th><th>second</th><th>timeframe</th><th>aligned bars</th><th>divergent bars</th><th>runs</th><th>longest run</th><th>largest divergence</th><th>verdict</th></tr>");
        foreach (var pair in run.Pairs)
        {
            var r = pair.Report;
            var longest = r.LongestRun is { } l ? string.Create(C, $"{l.Bars:N0} bars from {Date(l.TimeMs!.Value)}") : "—";
            var largest = r.Largest is { } g ? string.Create(C, $"{g.Divergence:+0.###%;-0.###%;0%} at {Date(g.TimeMs)}") : "—";
            html.Append(C, $"<tr><td>{SvgChart.Escape(r.First.ToString())}</td><td>{SvgChart.Escape(r.Second.ToString())}</td><td>{r.Timeframe}</td><td>{r.AlignedBars:N0}</td><td>{r.DivergentBars:N0}</td><td>{r.Runs.Length:N0}</td><td>{longest}</td><td>{largest}</td><td>{Badge(r.Verdict)}</td></tr>");
        }

        html.Append("</table>");
    }

    private static void SeriesSection(StringBuilder html, ValidationRun run, int index)
    {
        var series = run.Series[index];
        var v = series.Validation;
        html.Append(C, $"<h2 id=\"series-{index}\">{SvgChart.Escape($"{v.Instrument} {v.Timeframe} — {run.Name(index)}")} {Badge(v.Verdict)}</h2>");
        html.Append(C, $"<p>{SvgChart.Escape(series.Source)}: {v.RowsRead:N0} rows read, {v.Bars.Length:N0} bars kept.");
        if (!v.Summary.Reasons.IsEmpty)
        {
            html.Append(' ').Append(SvgChart.Escape(string.Join("; ", v.Summary.Reasons))).Append('.');
        }

        html.Append("</p>");
        if (v.Bars.Length > 1)
        {
            html.Append(CloseChart(run, v));
            html.Append(CloseLegend());
        }

        if (!v.Summary.LongestGaps.IsEmpty)
        {
            html.Append(C, $"<h3>Longest gaps ({v.Summary.LongestGaps.Length} of {v.Summary.Gaps:N0})</h3>");
            FindingTable(html, v.Summary.LongestGaps);
        }

        foreach (var kind in ValidationKinds.All)
        {
            var count = v.Summary.CountOf(kind);
            if (count == 0)
            {
                continue;
            }

            html.Append(C, $"<h3>{SvgChart.Escape(ValidationKinds.Describe(kind))} ({count:N0}, {ValidationKinds.SeverityOf(kind).ToString().ToLowerInvariant()})</h3>");
            FindingTable(html, v.Findings.Where(f => f.Kind == kind).Take(TableRows));
            if (count > TableRows)
            {
                html.Append(C, $"<p>… and {count - TableRows:N0} more in validation.json{(run.LeftOut(v, kind) > 0 ? string.Create(C, $" (which lists {run.MaxFindingsPerKind:N0} of each kind)") : "")}.</p>");
            }
        }
    }

    private static void PairSection(StringBuilder html, ValidationRun run, ValidatedPair pair)
    {
        var r = pair.Report;
        html.Append(C, $"<h2>{SvgChart.Escape($"Divergence {r.First} / {r.Second} − 1, {r.Timeframe}")} {Badge(r.Verdict)}</h2>");
        html.Append(C, $"<p>{SvgChart.Escape(run.Name(pair.First))} against {SvgChart.Escape(run.Name(pair.Second))}: {r.DivergentBars:N0} of {r.AlignedBars:N0} aligned bars beyond ±{r.Threshold:0.###%} (grey lines), shaded where a run diverges.</p>");
        if (r.AlignedBars > 1)
        {
            html.Append(DivergenceChart(r));
        }

        if (!r.Runs.IsEmpty)
        {
            var longest = r.Runs.OrderByDescending(f => f.Bars).ThenBy(f => f.TimeMs).Take(TableRows).ToList();
            html.Append(C, $"<h3>Longest divergent runs ({longest.Count} of {r.Runs.Length:N0})</h3>");
            FindingTable(html, longest);
        }
    }

    private static void FindingTable(StringBuilder html, IEnumerable<ValidationFinding> findings)
    {
        html.Append("<table><tr><th>time</th><th>line</th><th>bars</th><th class=\"msg\">message</th></tr>");
        foreach (var f in findings)
        {
            html.Append(C, $"<tr><td>{(f.TimeMs is { } t ? UnixTime.ToIso(t) : "—")}</td><td>{f.Line?.ToString(C) ?? "—"}</td><td>{f.Bars:N0}</td><td class=\"msg\">{SvgChart.Escape(f.Message)}</td></tr>");
        }

        html.Append("</table>");
    }

    private static string Badge(ValidationVerdict verdict) =>
        $"<span class=\"{ValidationJson.Verdict(verdict)}\">{verdict.ToString().ToUpperInvariant()}</span>";

    private static string Date(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd HH:mm", C);
}
