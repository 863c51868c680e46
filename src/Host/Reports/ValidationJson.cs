using System.Text.Encodings.Web;
using System.Text.Json;
using ActorArb.Domain.Time;
using ActorArb.Domain.Validation;

namespace ActorArb.Host.Reports;

/// <summary>
/// Writes <c>validation.json</c>: the options, the overall verdict, per series the counts of every kind, the gap
/// statistics and the findings (at most <see cref="ValidationRun.MaxFindingsPerKind"/> of each kind, with how many were
/// left out), and per comparison the divergence totals and runs. Field order is fixed and nothing depends on the
/// clock, so the same files give the same bytes.
/// </summary>
internal static class ValidationJson
{
    public static byte[] Write(ValidationRun run)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("verdict", Verdict(run.Verdict));
            WriteOptions(w, run);
            w.WriteStartArray("series");
            foreach (var series in run.Series)
            {
                WriteSeries(w, run, series);
            }

            w.WriteEndArray();
            w.WriteStartArray("divergence");
            foreach (var pair in run.Pairs)
            {
                WritePair(w, run, pair);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    internal static string Verdict(ValidationVerdict verdict) => verdict.ToString().ToLowerInvariant();

    private static void WriteOptions(Utf8JsonWriter w, ValidationRun run)
    {
        var o = run.Options;
        w.WriteStartObject("options");
        w.WriteNumber("stale_bars", o.StaleBars);
        w.WriteString("stale_rule", o.StaleRule switch
        {
            StaleRule.ZeroVolume => "zero-volume",
            StaleRule.IdenticalOhlc => "identical-ohlc",
            var rule => rule.ToString().ToLowerInvariant(),
        });
        w.WriteNumber("outlier_window", o.OutlierWindow);
        w.WriteNumber("outlier_threshold", o.OutlierThreshold);
        w.WriteNumber("outlier_min_deviation", o.OutlierMinDeviation);
        w.WriteString("outliers", o.OutlierSeries.ToString().ToLowerInvariant());
        w.WriteNumber("divergence_threshold", o.DivergenceThreshold);
        w.WriteNumber("longest_gaps", o.LongestGaps);
        w.WriteNumber("max_findings_per_kind", run.MaxFindingsPerKind);
        w.WriteEndObject();
    }

    private static void WriteSeries(Utf8JsonWriter w, ValidationRun run, ValidatedSeries series)
    {
        var v = series.Validation;
        var s = v.Summary;
        w.WriteStartObject();
        w.WriteString("source", series.Source);
        w.WriteString("instrument", v.Instrument.ToString());
        w.WriteString("exchange", v.Instrument.Exchange);
        w.WriteString("symbol", v.Instrument.Symbol);
        w.WriteString("timeframe", v.Timeframe.ToString());
        w.WriteNumber("rows_read", v.RowsRead);
        w.WriteNumber("bars", v.Bars.Length);
        Time(w, "first_bar", v.Bars.IsEmpty ? null : v.Bars[0].TimeMs);
        Time(w, "last_bar", v.Bars.IsEmpty ? null : v.Bars[^1].TimeMs);
        w.WriteString("verdict", Verdict(v.Verdict));
        w.WriteStartArray("reasons");
        foreach (var reason in s.Reasons)
        {
            w.WriteStringValue(reason);
        }

        w.WriteEndArray();
        w.WriteStartObject("counts");
        foreach (var kind in ValidationKinds.All)
        {
            w.WriteNumber(ValidationKinds.ToWire(kind), s.CountOf(kind));
        }

        w.WriteEndObject();
        w.WriteStartObject("gaps");
        w.WriteNumber("count", s.Gaps);
        w.WriteNumber("missing_bars", s.MissingBars);
        w.WriteNumber("longest_bars", s.LongestGapBars);
        WriteFindings(w, "longest", s.LongestGaps);
        w.WriteEndObject();
        WriteFindings(w, "findings", run.Listed(v));
        w.WriteStartObject("findings_left_out");
        foreach (var kind in ValidationKinds.All)
        {
            if (run.LeftOut(v, kind) is > 0 and var count)
            {
                w.WriteNumber(ValidationKinds.ToWire(kind), count);
            }
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WritePair(Utf8JsonWriter w, ValidationRun run, ValidatedPair pair)
    {
        var r = pair.Report;
        w.WriteStartObject();
        w.WriteString("first", r.First.ToString());
        w.WriteString("first_source", run.Series[pair.First].Source);
        w.WriteString("second", r.Second.ToString());
        w.WriteString("second_source", run.Series[pair.Second].Source);
        w.WriteString("timeframe", r.Timeframe.ToString());
        w.WriteNumber("threshold", r.Threshold);
        w.WriteNumber("aligned_bars", r.AlignedBars);
        w.WriteNumber("divergent_bars", r.DivergentBars);
        w.WriteString("verdict", Verdict(r.Verdict));
        if (r.Largest is { } largest)
        {
            w.WriteStartObject("largest");
            w.WriteString("time", UnixTime.ToIso(largest.TimeMs));
            w.WriteNumber("divergence", largest.Divergence);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("largest");
        }

        w.WritePropertyName("longest_run");
        if (r.LongestRun is { } longest)
        {
            WriteFinding(w, longest);
        }
        else
        {
            w.WriteNullValue();
        }

        WriteFindings(w, "runs", run.MaxFindingsPerKind == 0 ? r.Runs : r.Runs.Take(run.MaxFindingsPerKind));
        w.WriteNumber("runs_count", r.Runs.Length);
        w.WriteEndObject();
    }

    private static void WriteFindings(Utf8JsonWriter w, string name, IEnumerable<ValidationFinding> findings)
    {
        w.WriteStartArray(name);
        foreach (var finding in findings)
        {
            WriteFinding(w, finding);
        }

        w.WriteEndArray();
    }

    private static void WriteFinding(Utf8JsonWriter w, ValidationFinding f)
    {
        w.WriteStartObject();
        w.WriteString("kind", ValidationKinds.ToWire(f.Kind));
        w.WriteString("severity", f.Severity.ToString().ToLowerInvariant());
        Time(w, "time", f.TimeMs);
        Time(w, "end", f.EndTimeMs);
        if (f.Line is { } line)
        {
            w.WriteNumber("line", line);
        }
        else
        {
            w.WriteNull("line");
        }

        w.WriteNumber("bars", f.Bars);
        switch (f.Value)
        {
            case null:
                w.WriteNull("value");
                break;
            case var value when double.IsFinite(value.Value):
                w.WriteNumber("value", value.Value);
                break;
            default:
                // JSON has no infinity; an outlier off a window with no spread scores it.
                w.WriteString("value", "Infinity");
                break;
        }

        w.WriteString("message", f.Message);
        w.WriteEndObject();
    }

    private static void Time(Utf8JsonWriter w, string name, long? timeMs)
    {
        if (timeMs is { } ms)
        {
            w.WriteString(name, UnixTime.ToIso(ms));
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
