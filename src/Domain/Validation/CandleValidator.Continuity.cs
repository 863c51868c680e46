using System.Collections.Immutable;
using ActorArb.Domain.Market;

namespace ActorArb.Domain.Validation;

/// <summary>The continuity checks over the kept bars: gaps and stale runs.</summary>
public static partial class CandleValidator
{
    /// <summary>
    /// Adds one gap per run of missing bars between two kept bars. Bars before the first and after the last are not
    /// counted: a series has no expected extent of its own.
    /// </summary>
    private static void FindGaps(ImmutableArray<CandleRow> bars, Timeframe timeframe, List<ValidationFinding> findings)
    {
        for (var i = 1; i < bars.Length; i++)
        {
            var missing = ((bars[i].TimeMs - bars[i - 1].TimeMs) / timeframe.Ms) - 1;
            if (missing <= 0)
            {
                continue;
            }

            var first = bars[i - 1].TimeMs + timeframe.Ms;
            var last = bars[i].TimeMs - timeframe.Ms;
            var what = missing == 1 ? $"1 missing bar at {Iso(first)}" : string.Create(C, $"{missing:N0} missing bars from {Iso(first)} to {Iso(last)}");
            findings.Add(new ValidationFinding(ValidationKind.Gap, first, bars[i].Line, what, EndTimeMs: bars[i].TimeMs, Bars: (int)Math.Min(missing, int.MaxValue)));
        }
    }

    /// <summary>
    /// Adds one finding per stale run of at least <see cref="ValidationOptions.StaleBars"/> bars. A run starts at a bar
    /// the rule allows to start one and continues while each next bar is one timeframe later and continues it.
    /// </summary>
    private static void FindStaleRuns(ImmutableArray<CandleRow> bars, Timeframe timeframe, ValidationOptions options, List<ValidationFinding> findings)
    {
        if (bars.IsEmpty)
        {
            return;
        }

        var rule = options.StaleRule;
        var start = 0;
        var active = Starts(rule, bars[0]);
        for (var i = 1; i < bars.Length; i++)
        {
            if (active && bars[i].TimeMs - bars[i - 1].TimeMs == timeframe.Ms && Continues(rule, bars[i - 1], bars[i]))
            {
                continue;
            }

            AddStaleRun(bars, start, i - 1, active, timeframe, options, findings);
            start = i;
            active = Starts(rule, bars[i]);
        }

        AddStaleRun(bars, start, bars.Length - 1, active, timeframe, options, findings);
    }

    private static bool Starts(StaleRule rule, in CandleRow bar) =>
        rule is StaleRule.Either or StaleRule.IdenticalOhlc || bar.Volume == 0;

    private static bool Continues(StaleRule rule, in CandleRow previous, in CandleRow bar) => rule switch
    {
        StaleRule.ZeroVolume => bar.Volume == 0,
        StaleRule.IdenticalOhlc => bar.SameOhlc(previous),
        StaleRule.Both => bar.Volume == 0 && bar.SameOhlc(previous),
        _ => bar.Volume == 0 || bar.SameOhlc(previous),
    };

    private static void AddStaleRun(ImmutableArray<CandleRow> bars, int from, int to, bool active, Timeframe timeframe, ValidationOptions options, List<ValidationFinding> findings)
    {
        var length = to - from + 1;
        if (!active || length < options.StaleBars)
        {
            return;
        }

        var zero = 0;
        var repeats = 0;
        for (var i = from; i <= to; i++)
        {
            zero += bars[i].Volume == 0 ? 1 : 0;
            repeats += i > from && bars[i].SameOhlc(bars[i - 1]) ? 1 : 0;
        }

        var first = bars[from];
        var last = bars[to];
        findings.Add(new ValidationFinding(
            ValidationKind.StaleRun,
            first.TimeMs,
            first.Line,
            string.Create(C, $"{length:N0} bars from {Iso(first.TimeMs)} to {Iso(last.TimeMs)}: {zero:N0} with zero volume, {repeats:N0} repeating the previous bar's OHLC; close {first.Close} → {last.Close}"),
            EndTimeMs: last.TimeMs + timeframe.Ms,
            Bars: length));
    }
}
