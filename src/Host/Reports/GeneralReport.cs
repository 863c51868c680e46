using System.Globalization;
using System.Text;
using ActorArb.Host.Commands;
using ActorArb.Host.Composition;
using ActorArb.Host.Optimization;

namespace ActorArb.Host.Reports;

/// <summary>Writes a general-mode optimisation's whole grid as CSV and its report as one self-contained HTML page.</summary>
internal static class GeneralReport
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>Writes every evaluated combination: timeframe, parameter values, the backtest's main metrics, objective and eligibility.</summary>
    public static void WriteCsv(string path, GeneralResult result)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        writer.WriteLine(string.Join(',', result.Parameters.Select(p => p.Key).Prepend("timeframe")
            .Concat(["final_equity", "total_return", "trades", "max_drawdown", "sharpe", "sortino", "calmar", "profit_factor", "objective", "eligible"])));
        foreach (var e in result.Entries)
        {
            var r = e.Report;
            writer.WriteLine(string.Join(',', e.Values.Prepend(e.Timeframe.ToString())) + string.Create(C,
                $",{r.FinalEquity:R},{r.TotalReturn:R},{r.TradeCount},{r.MaxDrawdown:R},{r.Sharpe:R},{r.Sortino:R},{r.Calmar:R},{r.ProfitFactor:R},{e.Objective:R},{(e.Eligible ? 1 : 0)}"));
        }
    }

    /// <summary>Renders the ranking, the hindsight bound and a heat-map over the first two searched dimensions.</summary>
    public static string Render(GeneralResult result, OptimizeSettings settings, string source)
    {
        var html = new StringBuilder();
        ReportPage.Start(html, $"ActorArb optimisation — {result.StrategyType} strategy (general mode)");
        html.Append(C, $$"""
            <p>{{SvgChart.Escape(source)}}: {{result.TapeCandles:N0}} closed candles, each combination replayed through the backtest's chain
            (strategy, risk, paper execution, portfolio). Objective {{settings.Objective}}, fee {{settings.Fee:R}}, slippage {{settings.Slippage:R}},
            constraints: at least {{settings.MinTrades}} trades, max drawdown ≤ {{settings.MaxDrawdown:R}}. {{result.Entries.Count:N0}} combinations in
            {{result.Elapsed.TotalSeconds:0.000}} s{{(result.Cancelled ? " (cancelled: partial grid)" : "")}}.</p>
            """);
        Ranking(html, result);
        if (result.Best is { } best && result.Hindsight is { } bound)
        {
            html.Append(C, $"<h2>Hindsight bound on {best.Timeframe}</h2><p>Perfect foresight with the same fee and slippage (all-in/all-out, any number of trades) grows 1 to {bound.MaxEquity:0.######} in {bound.Trades:N0} trades; the best combination grows it to {best.Report.FinalEquity / result.InitialCash:0.######}, {OptimizeCommand.Capture(best.Report.FinalEquity / result.InitialCash, bound.MaxEquity):0.0}% of the bound's gain.</p>");
        }

        if (result.Best is { } top && HeatMap(result, top) is { } map)
        {
            html.Append(map);
        }

        html.Append("</body></html>");
        return html.ToString();
    }

    private static void Ranking(StringBuilder html, GeneralResult result)
    {
        html.Append("<h2>Best combinations</h2>");
        if (result.Ranking.Count == 0)
        {
            html.Append("<p>No combination met the constraints.</p>");
            return;
        }

        html.Append("<table><tr><th>rank</th><th>timeframe</th>");
        foreach (var p in result.Parameters)
        {
            html.Append("<th>").Append(SvgChart.Escape(p.Key)).Append("</th>");
        }

        html.Append("<th>final equity</th><th>trades</th><th>max drawdown</th><th>Sharpe</th><th>Sortino</th><th>Calmar</th><th>profit factor</th><th>objective</th></tr>");
        for (var i = 0; i < result.Ranking.Count; i++)
        {
            var e = result.Ranking[i];
            var r = e.Report;
            html.Append(C, $"<tr><td>{i + 1}</td><td>{e.Timeframe}</td>");
            foreach (var v in e.Values)
            {
                html.Append("<td>").Append(SvgChart.Escape(v)).Append("</td>");
            }

            html.Append(C, $"<td>{r.FinalEquity:0.####}</td><td>{r.TradeCount}</td><td>{r.MaxDrawdown:0.000000}</td><td>{r.Sharpe:0.###}</td><td>{r.Sortino:0.###}</td><td>{r.Calmar:0.###}</td><td>{r.ProfitFactor:0.###}</td><td>{e.Objective:0.######}</td></tr>");
        }

        html.Append("</table>");
    }

    /// <summary>Maps the objective over the first two dimensions with more than one value (timeframe counts), the others held at the best's values.</summary>
    private static string? HeatMap(GeneralResult result, GeneralEntry best)
    {
        var timeframes = result.Entries.Select(e => e.Timeframe.ToString()).Distinct().ToList();
        var dimensions = new List<(string Name, IReadOnlyList<string> Values, Func<GeneralEntry, string> Of)>();
        if (timeframes.Count > 1)
        {
            dimensions.Add(("timeframe", timeframes, e => e.Timeframe.ToString()));
        }

        for (var i = 0; i < result.Parameters.Count; i++)
        {
            var index = i;
            if (result.Parameters[i].Values.Count > 1)
            {
                dimensions.Add((result.Parameters[i].Key, result.Parameters[i].Values, e => e.Values[index]));
            }
        }

        if (dimensions.Count == 0)
        {
            return null;
        }

        var rows = dimensions[0];
        var columns = dimensions.Count > 1 ? dimensions[1] : ("", (IReadOnlyList<string>)[""], _ => "");
        var held = dimensions.Skip(2).ToList();
        var rowIndex = rows.Values.Select((v, i) => (v, i)).ToDictionary(p => p.v, p => p.i, StringComparer.Ordinal);
        var columnIndex = columns.Values.Select((v, i) => (v, i)).ToDictionary(p => p.v, p => p.i, StringComparer.Ordinal);
        var cells = result.Entries
            .Where(e => held.All(h => h.Of(e) == h.Of(best)))
            .Select(e => (rowIndex[rows.Of(e)], columnIndex[columns.Of(e)], e.Eligible ? (double?)e.Objective : null));
        var heldText = held.Count > 0 ? " (" + string.Join(", ", held.Select(h => $"{h.Name} = {h.Of(best)}")) + ")" : "";
        return $"<h2>Objective over {SvgChart.Escape(rows.Name)} × {SvgChart.Escape(columns.Name)}{SvgChart.Escape(heldText)}</h2>"
            + SvgHeatMap.Render(rows.Name, rows.Values, columns.Name, columns.Values, cells, (rowIndex[rows.Of(best)], columnIndex[columns.Of(best)], "best: " + result.Describe(best)));
    }
}
