using System.Collections.Immutable;
using ActorArb.Domain.Market;

namespace ActorArb.Domain.Validation;

/// <summary>The row checks: integrity, alignment and time order, which decide the bars the series checks see.</summary>
public static partial class CandleValidator
{
    /// <summary>
    /// Returns the rows that pass the row checks, in order. A row with an error is set aside; so is a row whose time
    /// is not after the previous kept bar's (a repeat of that time, exact or conflicting, or a step backwards), the
    /// first bar of a time being the one kept, as the replay sources do.
    /// </summary>
    private static ImmutableArray<CandleRow> KeepRows(IReadOnlyList<CandleRow> rows, Timeframe timeframe, List<ValidationFinding> findings)
    {
        var kept = ImmutableArray.CreateBuilder<CandleRow>(rows.Count);
        foreach (var row in rows)
        {
            if (!PassesIntegrity(row, timeframe, findings))
            {
                continue;
            }

            if (kept.Count > 0)
            {
                var last = kept[^1];
                if (row.TimeMs < last.TimeMs)
                {
                    findings.Add(new ValidationFinding(ValidationKind.OutOfOrder, row.TimeMs, row.Line,
                        $"open time {Iso(row.TimeMs)} is before the previous bar's {Iso(last.TimeMs)}{AtLine(last)}"));
                    continue;
                }

                if (row.TimeMs == last.TimeMs)
                {
                    findings.Add(row.SameValues(last)
                        ? new ValidationFinding(ValidationKind.ExactDuplicate, row.TimeMs, row.Line, $"repeats the bar at {Iso(row.TimeMs)}{AtLine(last)} exactly")
                        : new ValidationFinding(ValidationKind.ConflictingDuplicate, row.TimeMs, row.Line,
                            $"open time {Iso(row.TimeMs)} repeats the bar{AtLine(last)} with different values: {Values(row)} against {Values(last)}"));
                    continue;
                }
            }

            kept.Add(row);
        }

        return kept.ToImmutable();
    }

    /// <summary>Adds a finding for every integrity error of the row and returns whether it had none.</summary>
    private static bool PassesIntegrity(in CandleRow row, Timeframe timeframe, List<ValidationFinding> findings)
    {
        var before = findings.Count;
        if (row.Open.Raw <= 0 || row.High.Raw <= 0 || row.Low.Raw <= 0 || row.Close.Raw <= 0)
        {
            findings.Add(new ValidationFinding(ValidationKind.NonPositivePrice, row.TimeMs, row.Line, $"non-positive price in open/high/low/close {row.Ohlc}"));
        }
        else
        {
            // Comparing with the body (open and close) rather than high with low also catches high < low: such a bar
            // always has a body end above its high or below its low.
            if (row.High < Price.Max(row.Open, row.Close))
            {
                findings.Add(new ValidationFinding(ValidationKind.HighBelowBody, row.TimeMs, row.Line, $"high {row.High} below max(open {row.Open}, close {row.Close})"));
            }

            if (row.Low > Price.Min(row.Open, row.Close))
            {
                findings.Add(new ValidationFinding(ValidationKind.LowAboveBody, row.TimeMs, row.Line, $"low {row.Low} above min(open {row.Open}, close {row.Close})"));
            }
        }

        if (!(row.Volume >= 0))
        {
            findings.Add(new ValidationFinding(ValidationKind.NegativeVolume, row.TimeMs, row.Line, $"volume {row.Volume.ToString("R", C)} is not a non-negative number"));
        }

        if (!timeframe.IsAligned(row.TimeMs))
        {
            findings.Add(new ValidationFinding(ValidationKind.MisalignedTimestamp, row.TimeMs, row.Line,
                string.Create(C, $"open time {row.TimeMs} ({Iso(row.TimeMs)}) is not a multiple of {timeframe}")));
        }

        return findings.Count == before;
    }

    private static string Values(in CandleRow row) => $"{row.Ohlc} volume {row.Volume.ToString("R", C)}";
}
