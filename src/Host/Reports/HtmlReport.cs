using System.Globalization;
using System.Text;
using ActorArb.Actors.Replay;
using ActorArb.Domain.Events;
using ActorArb.Domain.Market;
using ActorArb.Domain.Regimes;
using ActorArb.Domain.Time;

namespace ActorArb.Host.Reports;

/// <summary>
/// Renders <c>report.html</c>: one self-contained page (no scripts, no network) with the price and its
/// buy/sell marks over regime bands, the equity curve, the drawdown, the metrics table and the trades.
/// </summary>
internal static class HtmlReport
{
    private const int Width = 1100;

    public static string Render(BacktestOutcome o)
    {
        var html = new StringBuilder();
        ReportPage.Start(
            html,
            $"ActorArb backtest — {o.Instrument.Id}",
            """
            .legend span { display: inline-block; margin-right: 14px; font-size: 12px; }
            .swatch { display: inline-block; width: 12px; height: 12px; vertical-align: middle; margin-right: 4px; }

            """);
        html.Append(CultureInfo.InvariantCulture, $$"""
            <p>{{SvgChart.Escape(o.SourceDescription)}} — {{o.Quality.RowsAccepted:N0}} rows accepted, {{o.Quality.RowsSkipped:N0}} skipped.</p>
            """);
        if (o.Prices.Count > 0)
        {
            var from = o.Prices[0].OpenTimeMs;
            var to = o.Prices[^1].CloseTimeMs;
            html.Append("<h2>Price, trades and regimes</h2>");
            html.Append(PriceChart(o, from, to));
            html.Append(Legend());
            html.Append("<h2>Equity</h2>");
            html.Append(Series(o.Equity.Select(p => (p.TimeMs, p.Equity)).ToList(), from, to, "#1f77b4", "equity", "N2"));
            html.Append("<h2>Drawdown</h2>");
            html.Append(Series(Drawdown(o), from, to, "#d62728", "drawdown", "P1"));
        }

        html.Append("<h2>Metrics</h2>");
        html.Append(MetricsTable(o));
        html.Append(TradesTable(o));
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static string PriceChart(BacktestOutcome o, long from, long to)
    {
        var closes = o.Prices.Select(c => (c.CloseTimeMs, c.Close.ToDouble())).ToList();
        var (min, max) = SvgChart.Range(o.Prices.SelectMany(c => new[] { c.Low.ToDouble(), c.High.ToDouble() }));
        var chart = new SvgChart(Width, 320, from, to, min, max);
        var regimeStart = from;
        var regime = o.Instrument.IsPegged ? Regime.PegStable : Regime.Normal;
        foreach (var change in o.RegimeChanges)
        {
            Band(chart, regime, regimeStart, change.TimeMs);
            regime = change.To;
            regimeStart = change.TimeMs;
        }

        Band(chart, regime, regimeStart, to);
        chart.Line(closes, "#333", "close");
        foreach (var f in o.Fills)
        {
            var buy = f.Side == Side.Buy;
            chart.Marker(f.TimeMs, f.Price.ToDouble(), buy, buy ? "#2ca02c" : "#d62728",
                $"{(buy ? "buy" : "sell")} {f.Quantity:N2} @ {f.Price} {UnixTime.ToIso(f.TimeMs)}");
        }

        return chart.Render("0.####");
    }

    private static void Band(SvgChart chart, Regime regime, long from, long to)
    {
        if (Color(regime) is { } color)
        {
            chart.Band(from, to, color, RegimeNames.ToWire(regime));
        }
    }

    private static string? Color(Regime regime) => regime switch
    {
        Regime.PegStress => "rgba(255,200,0,0.25)",
        Regime.Depeg => "rgba(220,0,0,0.18)",
        Regime.HighVolatility => "rgba(255,160,0,0.2)",
        Regime.FlashCrash => "rgba(200,0,0,0.25)",
        Regime.FlashPump => "rgba(0,120,255,0.2)",
        _ => null,
    };

    private static string Legend() =>
        "<div class=\"legend\"><span><i class=\"swatch\" style=\"background:#2ca02c\"></i>buy</span>" +
        "<span><i class=\"swatch\" style=\"background:#d62728\"></i>sell</span>" +
        "<span><i class=\"swatch\" style=\"background:rgba(255,200,0,0.5)\"></i>PEG_STRESS / HIGH_VOLATILITY</span>" +
        "<span><i class=\"swatch\" style=\"background:rgba(220,0,0,0.35)\"></i>DEPEG / FLASH_CRASH</span></div>";

    internal static string Series(List<(long, double)> points, long from, long to, string color, string name, string format)
    {
        var (min, max) = SvgChart.Range(points.Select(p => p.Item2));
        var chart = new SvgChart(Width, 200, from, to, min, max);
        chart.Line(points, color, name);
        return chart.Render(format);
    }

    private static List<(long, double)> Drawdown(BacktestOutcome o)
    {
        var peak = double.NegativeInfinity;
        var result = new List<(long, double)>(o.Equity.Count);
        foreach (var p in o.Equity)
        {
            peak = Math.Max(peak, p.Equity);
            result.Add((p.TimeMs, peak > 0 ? -(peak - p.Equity) / peak : 0));
        }

        return result;
    }

    private static string MetricsTable(BacktestOutcome o)
    {
        var sb = new StringBuilder("<table><tr><th>metric</th><th>value</th></tr>");
        foreach (var (name, value) in ConsoleSummary.Rows(o))
        {
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{SvgChart.Escape(name)}</td><td>{SvgChart.Escape(value)}</td></tr>");
        }

        return sb.Append("</table>").ToString();
    }

    private static string TradesTable(BacktestOutcome o)
    {
        const int shown = 500;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<h2>Trades ({o.Trades.Count}{(o.Trades.Count > shown ? $", first {shown} shown" : "")})</h2>");
        sb.Append("<table><tr><th>entry</th><th>entry price</th><th>exit</th><th>exit price</th><th>quantity</th><th>fees</th><th>P&amp;L</th><th>return</th></tr>");
        foreach (var t in o.Trades.Take(shown))
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{UnixTime.ToIso(t.EntryTimeMs)}</td><td>{t.EntryPrice:0.######}</td><td>{(t.ExitTimeMs is { } x ? UnixTime.ToIso(x) : "open")}</td><td>{t.ExitPrice:0.######}</td><td>{t.Quantity:N2}</td><td>{t.Fees:N2}</td><td>{t.Pnl:N2}</td><td>{t.Return:P3}</td></tr>");
        }

        return sb.Append("</table>").ToString();
    }
}
