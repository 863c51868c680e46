using System.Collections.Immutable;

namespace ActorArb.Domain.Validation;

/// <summary>The robust outlier checks over the kept bars' returns and closes.</summary>
public static partial class CandleValidator
{
    /// <summary>Scales a median absolute deviation to the standard deviation of normal data.</summary>
    private const double MadScale = 1.4826;

    /// <summary>Scales a mean absolute deviation to the standard deviation of normal data (sqrt(pi / 2)).</summary>
    private const double MeanDeviationScale = 1.2533;

    private static void FindOutliers(ImmutableArray<CandleRow> bars, ValidationOptions options, List<ValidationFinding> findings)
    {
        if (options.OutlierSeries is OutlierSeries.Both or OutlierSeries.Returns)
        {
            var window = new RobustWindow(options.OutlierWindow);
            for (var i = 1; i < bars.Length; i++)
            {
                // Returns span gaps: the bar before a gap is the previous price the next bar moved from.
                var value = (bars[i].Close.ToDouble() / bars[i - 1].Close.ToDouble()) - 1;
                TestOutlier(ValidationKind.ReturnOutlier, bars[i], value, window, options, findings);
                window.Add(value);
            }
        }

        if (options.OutlierSeries is OutlierSeries.Both or OutlierSeries.Closes)
        {
            var window = new RobustWindow(options.OutlierWindow);
            foreach (var bar in bars)
            {
                var value = bar.Close.ToDouble();
                TestOutlier(ValidationKind.CloseOutlier, bar, value, window, options, findings);
                window.Add(value);
            }
        }
    }

    /// <summary>Measures <paramref name="value"/> against the full window before it and adds a finding when it is an outlier.</summary>
    private static void TestOutlier(ValidationKind kind, in CandleRow bar, double value, RobustWindow window, ValidationOptions options, List<ValidationFinding> findings)
    {
        if (!window.IsFull)
        {
            return;
        }

        var median = window.Median();
        var deviation = Math.Abs(value - median);
        var relative = kind == ValidationKind.CloseOutlier ? deviation / median : deviation;
        if (deviation == 0 || relative < options.OutlierMinDeviation)
        {
            return;
        }

        // The spread is measured only for values past the minimum deviation: on quiet data that skips most bars.
        var mad = window.MedianAbsoluteDeviation(median);
        var scale = mad > 0 ? MadScale * mad : MeanDeviationScale * window.MeanAbsoluteDeviation(median);
        var score = scale > 0 ? deviation / scale : double.PositiveInfinity;
        if (score <= options.OutlierThreshold)
        {
            return;
        }

        var spread = mad > 0 ? $"MAD {mad.ToString("0.##########", C)}"
            : scale > 0 ? $"MAD 0, mean deviation {(scale / MeanDeviationScale).ToString("0.##########", C)}"
            : "no spread at all";
        var scoreText = double.IsPositiveInfinity(score) ? "infinitely many" : score.ToString("0.#", C);
        var message = kind == ValidationKind.ReturnOutlier
            ? $"return {Percent(value)} is {scoreText} robust deviations from the median {Percent(median)} of the previous {window.Count} returns ({spread})"
            : $"close {bar.Close} is {scoreText} robust deviations from the median {median.ToString("0.##########", C)} of the previous {window.Count} closes, {relative.ToString("0.####%", C)} away ({spread})";
        findings.Add(new ValidationFinding(kind, bar.TimeMs, bar.Line, message, Value: score));
    }

    private static string Percent(double fraction) => fraction.ToString("+0.####%;-0.####%;0%", C);
}
