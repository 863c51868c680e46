using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ActorArb.Actors.Arbitrage;
using ActorArb.Domain.Time;

namespace ActorArb.Host.Reports;

/// <summary>
/// The spread backtest's outputs: the console summary, <c>result.json</c> (fixed field order, round-trip numbers, no
/// wall-clock time: the same config and data give byte-identical files) and <c>report.html</c>.
/// </summary>
internal static class SpreadReport
{
    public static IEnumerable<(string Name, string Value)> Rows(SpreadOutcome o)
    {
        var m = o.Metrics;
        var c = CultureInfo.InvariantCulture;
        var n = o.Counters;
        yield return ("legs", string.Join(", ", o.Spread.Legs.Select(l => $"{l.Instrument} ({l.TakerFeeBps.ToString("0.##", c)} bps)")));
        yield return ("bars evaluated", n.Evaluations.ToString("N0", c));
        yield return ("opportunities (net edge >= min)", n.Opportunities.ToString("N0", c));
        yield return ("arbitrages", n.Executed.ToString("N0", c));
        yield return ("skipped: no inventory / no volume / halted", $"{n.SkippedNoInventory.ToString("N0", c)} / {n.SkippedNoVolume.ToString("N0", c)} / {n.SkippedHalted.ToString("N0", c)}");
        yield return ("arbitrage P&L (net of fees)", o.Arbitrages.Sum(a => a.NetPnl).ToString("N4", c));
        yield return ("units traded", o.Arbitrages.Sum(a => a.Quantity).ToString("N2", c));
        yield return ("initial equity", o.InitialEquity.ToString("N2", c));
        yield return ("final equity", m.FinalEquity.ToString("N2", c));
        yield return ("total return", m.TotalReturn.ToString("P2", c));
        yield return ("Sharpe", m.Sharpe.ToString("0.00", c));
        yield return ("max drawdown", m.MaxDrawdown.ToString("P2", c));
        foreach (var a in o.Accounts)
        {
            yield return ($"{a.Instrument} end", $"cash {a.Cash.ToString("N2", c)}, units {a.Units.ToString("N2", c)}");
        }

        yield return ("rows read / skipped", $"{o.Sources.Sum(s => s.Quality.RowsRead).ToString("N0", c)} / {o.Sources.Sum(s => s.Quality.RowsSkipped).ToString("N0", c)}");
        yield return ("events persisted", o.EventsPersisted.ToString("N0", c));
    }

    public static void Write(TextWriter output, SpreadOutcome o)
    {
        ConsoleSummary.WriteTable(output, Rows(o));
        output.WriteLine();
    }

    public static byte[] Json(SpreadOutcome o, string configJson, IReadOnlyDictionary<string, string> overrides, int maxEquityPoints)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            ResultJson.WriteHeader(w, o.RunId, configJson, overrides);
            w.WriteStartArray("sources");
            foreach (var (description, quality) in o.Sources)
            {
                w.WriteStartObject();
                w.WriteString("description", description);
                w.WriteNumber("rows_read", quality.RowsRead);
                w.WriteNumber("rows_accepted", quality.RowsAccepted);
                w.WriteNumber("rows_skipped", quality.RowsSkipped);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("spread");
            w.WriteNumber("evaluations", o.Counters.Evaluations);
            w.WriteNumber("opportunities", o.Counters.Opportunities);
            w.WriteNumber("arbitrages", o.Counters.Executed);
            w.WriteNumber("skipped_no_inventory", o.Counters.SkippedNoInventory);
            w.WriteNumber("skipped_no_volume", o.Counters.SkippedNoVolume);
            w.WriteNumber("skipped_halted", o.Counters.SkippedHalted);
            w.WriteNumber("arbitrage_pnl", o.Arbitrages.Sum(a => a.NetPnl));
            w.WriteNumber("events_persisted", o.EventsPersisted);
            w.WriteStartArray("accounts");
            foreach (var a in o.Accounts)
            {
                w.WriteStartObject();
                w.WriteString("instrument", a.Instrument.ToString());
                w.WriteNumber("cash", a.Cash);
                w.WriteNumber("units", a.Units);
                w.WriteString("last_close", a.LastClose.ToString());
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            ResultJson.WriteMetrics(w, o.Metrics, o.InitialEquity);
            w.WriteStartArray("arbitrages");
            foreach (var a in o.Arbitrages)
            {
                w.WriteStartObject();
                w.WriteString("time", UnixTime.ToIso(a.TimeMs));
                w.WriteString("buy", a.BuyLeg.ToString());
                w.WriteString("sell", a.SellLeg.ToString());
                w.WriteNumber("quantity", a.Quantity);
                w.WriteNumber("buy_fill", a.BuyFillPrice);
                w.WriteNumber("sell_fill", a.SellFillPrice);
                w.WriteNumber("fees", a.BuyFee + a.SellFee);
                w.WriteNumber("net_pnl", a.NetPnl);
                w.WriteNumber("net_edge_bps", a.NetEdgeBps);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            ResultJson.WriteEquity(w, o.Equity, maxEquityPoints);
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static string Html(SpreadOutcome o)
    {
        var html = new StringBuilder();
        ReportPage.Start(html, $"ActorArb spread backtest — {string.Join(" / ", o.Spread.Legs.Select(l => l.Instrument.ToString()))}");
        foreach (var (description, quality) in o.Sources)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{SvgChart.Escape(description)} — {quality.RowsAccepted:N0} rows accepted, {quality.RowsSkipped:N0} skipped.</p>");
        }

        if (o.Equity.Count > 0)
        {
            html.Append("<h2>Equity (every venue's cash plus its units at that venue's last close)</h2>");
            html.Append(HtmlReport.Series([.. o.Equity.Select(p => (p.TimeMs, p.Equity))], o.Equity[0].TimeMs, o.Equity[^1].TimeMs, "#1f77b4", "equity", "N2"));
        }

        html.Append("<h2>Summary</h2><table><tr><th>metric</th><th>value</th></tr>");
        foreach (var (name, value) in Rows(o))
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{SvgChart.Escape(name)}</td><td>{SvgChart.Escape(value)}</td></tr>");
        }

        html.Append("</table>");
        const int shown = 500;
        html.Append(CultureInfo.InvariantCulture, $"<h2>Arbitrages ({o.Arbitrages.Count}{(o.Arbitrages.Count > shown ? $", first {shown} shown" : "")})</h2>");
        html.Append("<table><tr><th>time</th><th>buy on</th><th>sell on</th><th>quantity</th><th>buy fill</th><th>sell fill</th><th>fees</th><th>net P&amp;L</th><th>net edge (bps)</th></tr>");
        foreach (var a in o.Arbitrages.Take(shown))
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{UnixTime.ToIso(a.TimeMs)}</td><td>{SvgChart.Escape(a.BuyLeg.ToString())}</td><td>{SvgChart.Escape(a.SellLeg.ToString())}</td><td>{a.Quantity:N2}</td><td>{a.BuyFillPrice:0.######}</td><td>{a.SellFillPrice:0.######}</td><td>{a.BuyFee + a.SellFee:N4}</td><td>{a.NetPnl:N4}</td><td>{a.NetEdgeBps:0.00}</td></tr>");
        }

        html.Append("</table></body></html>\n");
        return html.ToString();
    }
}
