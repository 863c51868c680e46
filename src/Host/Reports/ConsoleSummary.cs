using System.Globalization;
using ActorArb.Actors.Replay;

namespace ActorArb.Host.Reports;

/// <summary>The backtest summary table printed to the console (and reused as the report's metrics table).</summary>
internal static class ConsoleSummary
{
    public static IEnumerable<(string Name, string Value)> Rows(BacktestOutcome o)
    {
        var m = o.Metrics;
        var c = CultureInfo.InvariantCulture;
        yield return ("instrument", o.Instrument.Id.ToString());
        yield return ("bars (strategy timeframe)", m.BarCount.ToString("N0", c));
        yield return ("initial equity", o.InitialCash.ToString("N2", c));
        yield return ("final equity", m.FinalEquity.ToString("N2", c));
        yield return ("total return", m.TotalReturn.ToString("P2", c));
        yield return ("CAGR (365d)", m.Cagr.ToString("P2", c));
        yield return ("volatility (ann.)", m.Volatility.ToString("P2", c));
        yield return ("Sharpe", m.Sharpe.ToString("0.00", c));
        yield return ("Sortino", m.Sortino.ToString("0.00", c));
        yield return ("Calmar", m.Calmar.ToString("0.00", c));
        yield return ("max drawdown", m.MaxDrawdown.ToString("P2", c));
        yield return ("max drawdown duration", TimeSpan.FromMilliseconds(m.MaxDrawdownDurationMs).ToString(@"d\d\ hh\h\ mm\m", c));
        yield return ("VaR 95% / CVaR 95% (per bar)", $"{m.VaR95.ToString("P3", c)} / {m.CVaR95.ToString("P3", c)}");
        yield return ("trades (entries)", m.TradeCount.ToString("N0", c));
        yield return ("win rate", m.WinRate.ToString("P1", c));
        yield return ("profit factor", m.GrossLoss == 0 ? "n/a (no losing trade)" : m.ProfitFactor.ToString("0.00", c));
        yield return ("average win / loss", $"{m.AverageWin.ToString("N2", c)} / {m.AverageLoss.ToString("N2", c)}");
        yield return ("exposure", m.Exposure.ToString("P1", c));
        yield return ("turnover", m.Turnover.ToString("0.00", c));
        yield return ("orders rejected by risk", o.Rejections.Count.ToString("N0", c));
        yield return ("regime changes", o.RegimeChanges.Count.ToString("N0", c));
        yield return ("rows read / skipped", $"{o.Quality.RowsRead.ToString("N0", c)} / {o.Quality.RowsSkipped.ToString("N0", c)}");
        yield return ("events persisted", o.EventsPersisted.ToString("N0", c));
    }

    public static void Write(TextWriter output, BacktestOutcome o)
    {
        WriteTable(output, Rows(o));
        foreach (var sample in o.Quality.Samples.Take(5))
        {
            output.WriteLine($"  bad row: {sample}");
        }

        output.WriteLine();
    }

    /// <summary>Writes a blank line, then one indented line per row with the names padded to one column.</summary>
    public static void WriteTable(TextWriter output, IEnumerable<(string Name, string Value)> rows)
    {
        var table = rows.ToList();
        var width = table.Max(r => r.Name.Length);
        output.WriteLine();
        foreach (var (name, value) in table)
        {
            output.WriteLine($"  {name.PadRight(width)}  {value}");
        }
    }
}
