using System.Text.Encodings.Web;
using System.Text.Json;
using ActorArb.Actors.Replay;
using ActorArb.Domain.Events;
using ActorArb.Domain.Market;
using ActorArb.Domain.Metrics;
using ActorArb.Domain.Portfolio;
using ActorArb.Domain.Regimes;
using ActorArb.Domain.Time;

namespace ActorArb.Host.Reports;

/// <summary>
/// Writes <c>result.json</c>: the config echo, source and data quality, metrics, trades, fills, regime changes,
/// risk events and the equity curve. Written field by field in a fixed order with round-trip number
/// formatting and no wall-clock time, so the same config and data give byte-identical files.
/// </summary>
internal static class ResultJson
{
    public static byte[] Write(BacktestOutcome o, string configJson, IReadOnlyDictionary<string, string> overrides, int maxEquityPoints)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteHeader(w, o.RunId, configJson, overrides);
            WriteSource(w, o);
            WriteMetrics(w, o.Metrics, o.InitialCash);
            WriteTrades(w, o.Trades);
            WriteFills(w, o.Fills);
            w.WriteStartArray("rejections");
            foreach (var r in o.Rejections)
            {
                w.WriteStartObject();
                w.WriteString("time", UnixTime.ToIso(r.TimeMs));
                w.WriteString("side", r.Intent.Side.ToString().ToLowerInvariant());
                w.WriteString("reason", r.Reason);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("regimes");
            foreach (var r in o.RegimeChanges)
            {
                w.WriteStartObject();
                w.WriteString("time", UnixTime.ToIso(r.TimeMs));
                w.WriteString("from", RegimeNames.ToWire(r.From));
                w.WriteString("to", RegimeNames.ToWire(r.To));
                w.WriteString("reason", r.Reason);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("risk");
            foreach (var e in o.RiskEvents)
            {
                w.WriteStartObject();
                w.WriteString("time", UnixTime.ToIso(e.TimeMs));
                w.WriteString("event", e is TradingHalted ? "halted" : "resumed");
                w.WriteString("reason", e switch { TradingHalted h => h.Reason, TradingResumed r => r.Reason, _ => "" });
                w.WriteEndObject();
            }

            w.WriteEndArray();
            WriteEquity(w, o.Equity, maxEquityPoints);
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteSource(Utf8JsonWriter w, BacktestOutcome o)
    {
        w.WriteStartObject("source");
        w.WriteString("description", o.SourceDescription);
        w.WriteString("instrument", o.Instrument.Id.ToString());
        w.WriteString("tick_size", o.Instrument.TickSize.ToString());
        w.WriteNumber("rows_read", o.Quality.RowsRead);
        w.WriteNumber("rows_accepted", o.Quality.RowsAccepted);
        w.WriteNumber("rows_skipped", o.Quality.RowsSkipped);
        w.WriteNumber("rows_out_of_range", o.Quality.RowsOutOfRange);
        w.WriteStartObject("problems");
        foreach (var (problem, count) in o.Quality.ProblemCounts.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            w.WriteNumber(problem, count);
        }

        w.WriteEndObject();
        w.WriteStartArray("samples");
        foreach (var sample in o.Quality.Samples)
        {
            w.WriteStringValue(sample);
        }

        w.WriteEndArray();
        w.WriteNumber("events_persisted", o.EventsPersisted);
        w.WriteNumber("messages_processed", o.MessagesProcessed);
        w.WriteEndObject();
    }

    /// <summary>Opens the result object with the run id, the config echo and the command-line overrides.</summary>
    internal static void WriteHeader(Utf8JsonWriter w, string runId, string configJson, IReadOnlyDictionary<string, string> overrides)
    {
        w.WriteStartObject();
        w.WriteString("run", runId);
        w.WritePropertyName("config");
        using (var config = JsonDocument.Parse(configJson))
        {
            config.WriteTo(w);
        }

        w.WriteStartObject("overrides");
        foreach (var (option, value) in overrides)
        {
            w.WriteString(option, value);
        }

        w.WriteEndObject();
    }

    internal static void WriteMetrics(Utf8JsonWriter w, PerformanceReport m, double initialCash)
    {
        w.WriteStartObject("metrics");
        w.WriteNumber("initial_equity", initialCash);
        w.WriteNumber("final_equity", m.FinalEquity);
        w.WriteNumber("total_return", m.TotalReturn);
        w.WriteNumber("cagr", m.Cagr);
        w.WriteNumber("volatility", m.Volatility);
        w.WriteNumber("sharpe", m.Sharpe);
        w.WriteNumber("sortino", m.Sortino);
        w.WriteNumber("calmar", m.Calmar);
        w.WriteNumber("max_drawdown", m.MaxDrawdown);
        w.WriteNumber("max_drawdown_duration_hours", m.MaxDrawdownDurationMs / 3_600_000.0);
        w.WriteNumber("var_95", m.VaR95);
        w.WriteNumber("cvar_95", m.CVaR95);
        w.WriteNumber("win_rate", m.WinRate);
        w.WriteNumber("profit_factor", m.ProfitFactor);
        w.WriteNumber("average_win", m.AverageWin);
        w.WriteNumber("average_loss", m.AverageLoss);
        w.WriteNumber("exposure", m.Exposure);
        w.WriteNumber("turnover", m.Turnover);
        w.WriteNumber("trades", m.TradeCount);
        w.WriteNumber("closed_trades", m.ClosedTradeCount);
        w.WriteNumber("bars", m.BarCount);
        w.WriteEndObject();
    }

    internal static void WriteTrades(Utf8JsonWriter w, IReadOnlyList<Trade> trades)
    {
        w.WriteStartArray("trades");
        foreach (var t in trades)
        {
            w.WriteStartObject();
            w.WriteString("entry_time", UnixTime.ToIso(t.EntryTimeMs));
            w.WriteNumber("entry_price", t.EntryPrice);
            if (t.ExitTimeMs is { } exit)
            {
                w.WriteString("exit_time", UnixTime.ToIso(exit));
                w.WriteNumber("exit_price", t.ExitPrice);
            }
            else
            {
                w.WriteNull("exit_time");
                w.WriteNull("exit_price");
            }

            w.WriteNumber("quantity", t.Quantity);
            w.WriteNumber("fees", t.Fees);
            w.WriteNumber("pnl", t.Pnl);
            w.WriteNumber("return", t.Return);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteFills(Utf8JsonWriter w, IReadOnlyList<OrderFilled> fills)
    {
        w.WriteStartArray("fills");
        foreach (var f in fills)
        {
            w.WriteStartObject();
            w.WriteString("time", UnixTime.ToIso(f.TimeMs));
            w.WriteNumber("order", f.OrderId);
            w.WriteString("side", f.Side == Side.Buy ? "buy" : "sell");
            w.WriteString("price", f.Price.ToString());
            w.WriteNumber("fill_price", f.FillPrice);
            w.WriteNumber("quantity", f.Quantity);
            w.WriteNumber("fee", f.Fee);
            w.WriteNumber("cash_delta", f.CashDelta);
            w.WriteBoolean("partial", f.Partial);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    internal static void WriteEquity(Utf8JsonWriter w, IReadOnlyList<EquityPoint> equity, int maxPoints)
    {
        // Thinned evenly (always keeping the last point) so a year of 1m bars stays a readable file.
        var step = Math.Max(1, (equity.Count + maxPoints - 1) / maxPoints);
        w.WriteNumber("equity_step", step);
        w.WriteStartArray("equity");
        for (var i = 0; i < equity.Count; i++)
        {
            if (i % step != 0 && i != equity.Count - 1)
            {
                continue;
            }

            w.WriteStartArray();
            w.WriteNumberValue(equity[i].TimeMs);
            w.WriteNumberValue(equity[i].Equity);
            w.WriteEndArray();
        }

        w.WriteEndArray();
    }
}
