using System.Collections.Immutable;
using System.Globalization;
using ActorArb.Domain.Time;

namespace ActorArb.Domain.Validation;

/// <summary>
/// Compares two validated series of the same normalised symbol and timeframe bar by bar: where both have a bar, the
/// closes should agree within a threshold; runs where they do not are reported with their extent and largest gap.
/// Only the bars each validation kept are compared, so a bad row on one side is not mistaken for a divergence.
/// </summary>
public static class CrossSeriesValidator
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>Returns whether the two series can be compared: same symbol (e.g. <c>USDC/USDT</c>) and same timeframe.</summary>
    public static bool Comparable(SeriesValidation first, SeriesValidation second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        return first.Timeframe == second.Timeframe && string.Equals(first.Instrument.Symbol, second.Instrument.Symbol, StringComparison.Ordinal);
    }

    /// <summary>Compares the closes of the bars both series kept.</summary>
    /// <exception cref="ArgumentException">The series are not <see cref="Comparable"/>, or the options are out of range.</exception>
    public static DivergenceReport Compare(SeriesValidation first, SeriesValidation second, ValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Comparable(first, second))
        {
            throw new ArgumentException($"{first.Instrument} {first.Timeframe} and {second.Instrument} {second.Timeframe} differ in symbol or timeframe; only the same symbol and timeframe compare.", nameof(second));
        }

        options.Validate();
        var threshold = options.DivergenceThreshold;
        var points = ImmutableArray.CreateBuilder<DivergencePoint>(Math.Min(first.Bars.Length, second.Bars.Length));
        var runs = ImmutableArray.CreateBuilder<ValidationFinding>();
        DivergencePoint? largest = null;
        var divergent = 0;
        var runStart = -1;
        for (int a = 0, b = 0; a < first.Bars.Length && b < second.Bars.Length;)
        {
            var (x, y) = (first.Bars[a], second.Bars[b]);
            if (x.TimeMs < y.TimeMs)
            {
                a++;
                continue;
            }

            if (y.TimeMs < x.TimeMs)
            {
                b++;
                continue;
            }

            var point = new DivergencePoint(x.TimeMs, (x.Close.ToDouble() / y.Close.ToDouble()) - 1);
            points.Add(point);
            if (largest is not { } l || Math.Abs(point.Divergence) > Math.Abs(l.Divergence))
            {
                largest = point;
            }

            if (Math.Abs(point.Divergence) > threshold)
            {
                divergent++;
                runStart = runStart < 0 ? points.Count - 1 : runStart;
            }
            else if (runStart >= 0)
            {
                runs.Add(Run(first, second, points, runStart, points.Count - 2, threshold));
                runStart = -1;
            }

            a++;
            b++;
        }

        if (runStart >= 0)
        {
            runs.Add(Run(first, second, points, runStart, points.Count - 1, threshold));
        }

        ValidationFinding? longest = null;
        foreach (var run in runs)
        {
            longest = longest is null || run.Bars > longest.Bars ? run : longest;
        }

        return new DivergenceReport(first.Instrument, second.Instrument, first.Timeframe, threshold, divergent, largest, runs.ToImmutable(), longest, points.ToImmutable());
    }

    private static ValidationFinding Run(SeriesValidation first, SeriesValidation second, ImmutableArray<DivergencePoint>.Builder points, int from, int to, double threshold)
    {
        var worst = points[from];
        for (var i = from + 1; i <= to; i++)
        {
            worst = Math.Abs(points[i].Divergence) > Math.Abs(worst.Divergence) ? points[i] : worst;
        }

        var bars = to - from + 1;
        var end = points[to].TimeMs + first.Timeframe.Ms;
        var message = string.Create(C,
            $"{first.Instrument} vs {second.Instrument}: closes differ by more than {threshold:0.##%} over {bars:N0} aligned bar{(bars == 1 ? "" : "s")} from {UnixTime.ToIso(points[from].TimeMs)} to {UnixTime.ToIso(points[to].TimeMs)}; largest {worst.Divergence:+0.###%;-0.###%} at {UnixTime.ToIso(worst.TimeMs)}");
        return new ValidationFinding(ValidationKind.Divergence, points[from].TimeMs, null, message, EndTimeMs: end, Bars: bars, Value: Math.Abs(worst.Divergence));
    }
}
