using System.Globalization;
using System.Text;
using ActorArb.Domain.Optimization;
using ActorArb.Host.Composition;
using ActorArb.Host.Commands;
using ActorArb.Host.Optimization;

namespace ActorArb.Host.Reports;

/// <summary>Writes an optimisation's whole grid as CSV and its report as one self-contained HTML page (inline SVG heat-map).</summary>
internal static class OptimizeReport
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>Writes every evaluated combination: timeframe, thresholds, figures, objective and eligibility.</summary>
    public static void WriteCsv(string path, StudyResult result)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        writer.WriteLine("timeframe,buy,sell,final_equity,trades,max_drawdown,objective,eligible");
        foreach (var study in result.Timeframes)
        {
            foreach (var e in study.Entries)
            {
                writer.WriteLine(string.Create(C, $"{e.Timeframe},{e.Buy},{e.Sell},{e.Run.FinalEquity:R},{e.Run.Trades},{e.Run.MaxDrawdown:R},{e.Objective:R},{(e.Eligible ? 1 : 0)}"));
            }
        }
    }

    /// <summary>Renders the ranking, the hindsight bounds, the heat-map of the best timeframe and the walk-forward.</summary>
    public static string Render(StudyResult result, OptimizeSettings settings, StudyData data)
    {
        var html = new StringBuilder();
        ReportPage.Start(html, "ActorArb optimisation — threshold strategy");
        html.Append(C, $$"""
            <p>{{SvgChart.Escape(data.Description)}}: {{data.Closes.Length:N0}} bars of {{data.Timeframe}}. Objective {{settings.Objective}},
            fee {{settings.Fee:R}}, slippage {{settings.Slippage:R}}, constraints: at least {{settings.MinTrades}} trades, max drawdown
            ≤ {{settings.MaxDrawdown:R}}. {{result.Evaluated:N0}} combinations in {{result.Elapsed.TotalSeconds:0.000}} s{{(result.Cancelled ? " (cancelled: partial grid)" : "")}}.</p>
            """);
        Ranking(html, result);
        Hindsight(html, result);
        if (result.BestTimeframe is { } best)
        {
            html.Append(C, $"<h2>Objective over buy × sell on {best.Timeframe}</h2>");
            html.Append(HeatMap(best, result.Best!));
        }

        if (result.WalkForward is { } wf && result.BestTimeframe is { } tf)
        {
            WalkForwardSection(html, wf, tf);
        }

        html.Append("</body></html>");
        return html.ToString();
    }

    private static void Ranking(StringBuilder html, StudyResult result)
    {
        html.Append("<h2>Best combinations</h2>");
        if (result.Ranking.Count == 0)
        {
            html.Append("<p>No combination met the constraints.</p>");
            return;
        }

        html.Append("<table><tr><th>rank</th><th>timeframe</th><th>buy</th><th>sell</th><th>final equity</th><th>trades</th><th>max drawdown</th><th>objective</th></tr>");
        for (var i = 0; i < result.Ranking.Count; i++)
        {
            var e = result.Ranking[i];
            html.Append(C, $"<tr><td>{i + 1}</td><td>{e.Timeframe}</td><td>{e.Buy}</td><td>{e.Sell}</td><td>{e.Run.FinalEquity:R}</td><td>{e.Run.Trades}</td><td>{e.Run.MaxDrawdown:0.000000}</td><td>{e.Objective:0.######}</td></tr>");
        }

        html.Append("</table>");
    }

    private static void Hindsight(StringBuilder html, StudyResult result)
    {
        html.Append("<h2>Best per timeframe and the hindsight bound</h2><p>The hindsight bound is the perfect-foresight maximum equity with the same fills and costs (all-in/all-out, any number of trades); captured is the share of its gain the timeframe's best combination makes.</p>");
        html.Append("<table><tr><th>timeframe</th><th>bars</th><th>best buy</th><th>best sell</th><th>best equity</th><th>trades</th><th>bound</th><th>bound trades</th><th>captured</th></tr>");
        foreach (var study in result.Timeframes)
        {
            StudyEntry? best = null;
            foreach (var entry in study.Entries)
            {
                if (entry.Eligible && (best is null || entry.Objective > best.Objective))
                {
                    best = entry;
                }
            }

            var equity = best?.Run.FinalEquity ?? double.NaN;
            html.Append(C, $"<tr><td>{study.Timeframe}</td><td>{study.Series.Length:N0}</td><td>{best?.Buy}</td><td>{best?.Sell}</td><td>{equity:0.######}</td><td>{best?.Run.Trades}</td><td>{study.Hindsight.MaxEquity:0.######}</td><td>{study.Hindsight.Trades:N0}</td><td>{OptimizeCommand.Capture(equity, study.Hindsight.MaxEquity):0.0}%</td></tr>");
        }

        html.Append("</table>");
    }

    private static string HeatMap(TimeframeStudy study, StudyEntry best)
    {
        var row = study.Buys.Select((b, i) => (b, i)).ToDictionary(p => p.b, p => p.i);
        var column = study.Sells.Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i);
        return SvgHeatMap.Render(
            "buy",
            [.. study.Buys.Select(b => b.ToString(C))],
            "sell",
            [.. study.Sells.Select(s => s.ToString(C))],
            study.Entries.Select(e => (row[e.Buy], column[e.Sell], e.Eligible ? (double?)e.Objective : null)),
            (row[best.Buy], column[best.Sell], $"best: buy {best.Buy}, sell {best.Sell}"));
    }

    private static void WalkForwardSection(StringBuilder html, WalkForwardReport wf, TimeframeStudy study)
    {
        html.Append(C, $"<h2>Walk-forward on {study.Timeframe}</h2><p>Each window optimises final equity in-sample and runs the chosen thresholds on the next out-of-sample stretch, starting flat; out-of-sample windows compound. Out-of-sample equity {wf.OutOfSampleEquity:0.######}, in-sample {wf.InSampleEquity:0.######}, efficiency {wf.Efficiency:0.###} (out-of-sample log growth per bar over in-sample).</p>");
        var points = new List<(long TimeMs, double Value)>(wf.EquityCurve.Length);
        for (var i = 0; i < wf.EquityCurve.Length; i++)
        {
            points.Add((study.OpenMs[wf.EquityCurveStart + i], wf.EquityCurve[i]));
        }

        if (points.Count > 1)
        {
            var (min, max) = SvgChart.Range(points.Select(p => p.Value));
            var chart = new SvgChart(1100, 220, points[0].TimeMs, points[^1].TimeMs, min, max);
            chart.Line(points, "#2a6", "out-of-sample equity");
            html.Append(chart.Render("0.0000"));
        }

        html.Append("<table><tr><th>window</th><th>in-sample from</th><th>out-of-sample from</th><th>buy</th><th>sell</th><th>IS equity</th><th>IS trades</th><th>OOS equity</th><th>OOS trades</th><th>OOS max DD</th><th>efficiency</th></tr>");
        foreach (var w in wf.Windows)
        {
            html.Append(C, $"<tr><td>{w.Index + 1}</td><td>{Date(study.OpenMs[w.InSampleStart])}</td><td>{Date(study.OpenMs[w.OutOfSampleStart])}</td><td>{Price(study, w.BuyTick)}</td><td>{Price(study, w.SellTick)}</td><td>{w.InSample.FinalEquity:0.######}</td><td>{w.InSample.Trades}</td><td>{w.OutOfSample.FinalEquity:0.######}</td><td>{w.OutOfSample.Trades}</td><td>{w.OutOfSample.MaxDrawdown:0.0000}</td><td>{w.Efficiency:0.###}</td></tr>");
        }

        html.Append("</table>");
    }

    private static string Price(TimeframeStudy study, int? tick) => tick is { } t ? (t / (decimal)study.Series.Scale).ToString(C) : "—";

    private static string Date(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd HH:mm", C);
}
