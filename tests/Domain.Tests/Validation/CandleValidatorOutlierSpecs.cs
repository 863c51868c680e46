using ActorArb.Domain.Validation;
using static ActorArb.Domain.Tests.Validation.ValidationRows;

namespace ActorArb.Domain.Tests.Validation;

public sealed class CandleValidatorOutlierSpecs
{
    private static readonly ValidationOptions Closes5 = new(OutlierWindow: 5, OutlierSeries: OutlierSeries.Closes);

    // Median 1.000 and MAD 0.001: a close scores |x - 1| / 0.0014826.
    private static readonly string[] Spread = ["1.000", "1.002", "0.998", "1.001", "0.999"];

    [Fact]
    public void Validator_should_flag_a_close_whose_robust_score_exceeds_the_threshold_with_the_score_and_values()
    {
        var validation = Validate(Closes(0, [.. Spread, "1.02"]), Closes5);

        var outlier = Single(validation, ValidationKind.CloseOutlier);
        Assert.Equal(Minute(5), outlier.TimeMs);
        Assert.Equal(0.02 / (1.4826 * 0.001), outlier.Value!.Value, 6);
        Assert.Equal("close 1.02 is 13.5 robust deviations from the median 1 of the previous 5 closes, 2% away (MAD 0.001)", outlier.Message);
        Assert.Equal(ValidationVerdict.Warn, validation.Verdict);
    }

    [Fact]
    public void Validator_should_not_flag_a_close_whose_robust_score_is_below_the_threshold()
    {
        // Score 0.01 / 0.0014826 = 6.7 < 8.
        var validation = Validate(Closes(0, [.. Spread, "1.01"]), Closes5);

        Assert.Empty(validation.Findings);
    }

    [Fact]
    public void Validator_should_not_test_the_first_bars_before_the_window_is_full()
    {
        var validation = Validate(Closes(0, "1", "1.002", "0.998", "5", "1.001", "0.999"), Closes5);

        Assert.DoesNotContain(validation.Findings, f => f.Kind == ValidationKind.CloseOutlier);
    }

    [Fact]
    public void Validator_should_fall_back_to_the_mean_absolute_deviation_when_the_mad_is_zero()
    {
        // Median 1, MAD 0 (three of five deviations are 0), mean deviation 0.0004: scale 1.2533 * 0.0004.
        string[] window = ["1", "1", "1", "1", "1.002"];

        var below = Validate(Closes(0, [.. window, "1.004"]), Closes5);
        var above = Validate(Closes(0, [.. window, "1.005"]), Closes5);

        Assert.Empty(below.Findings);
        var outlier = Single(above, ValidationKind.CloseOutlier);
        Assert.Equal(0.005 / (1.2533 * 0.0004), outlier.Value!.Value, 6);
        Assert.EndsWith("(MAD 0, mean deviation 0.0004)", outlier.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validator_should_score_a_move_off_a_window_without_spread_as_infinite()
    {
        var validation = Validate(Closes(0, "1", "1", "1", "1", "1", "0.98"), Closes5);

        var outlier = Single(validation, ValidationKind.CloseOutlier);
        Assert.True(double.IsPositiveInfinity(outlier.Value!.Value));
        Assert.Equal("close 0.98 is infinitely many robust deviations from the median 1 of the previous 5 closes, 2% away (no spread at all)", outlier.Message);
    }

    [Fact]
    public void Validator_should_not_flag_a_move_below_the_minimum_deviation_even_off_a_window_without_spread()
    {
        var validation = Validate(Closes(0, "1", "1", "1", "1", "1", "0.9999"), Closes5);

        Assert.Empty(validation.Findings);
    }

    [Fact]
    public void Validator_should_find_nothing_in_a_series_of_equal_values()
    {
        var validation = Validate(Closes(0, [.. Enumerable.Repeat("1", 200)]), new ValidationOptions(OutlierWindow: 5, StaleBars: 500));

        Assert.Equal(ValidationVerdict.Pass, validation.Verdict);
    }

    [Fact]
    public void Validator_should_flag_a_return_far_from_the_recent_returns()
    {
        var options = new ValidationOptions(OutlierWindow: 5, OutlierSeries: OutlierSeries.Returns);

        var validation = Validate(Closes(0, "1", "1.001", "1", "1.001", "1", "1.001", "0.95", "0.95"), options);

        var outlier = Assert.Single(validation.Findings);
        Assert.Equal(ValidationKind.ReturnOutlier, outlier.Kind);
        Assert.Equal(Minute(6), outlier.TimeMs);
        Assert.StartsWith("return -5.0949% is ", outlier.Message, StringComparison.Ordinal);
        Assert.Contains("of the previous 5 returns", outlier.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validator_should_test_returns_and_closes_by_default()
    {
        var validation = Validate(Closes(0, ["1", .. Spread, "1.05"]), new ValidationOptions(OutlierWindow: 5));

        Assert.Equal([ValidationKind.ReturnOutlier, ValidationKind.CloseOutlier], validation.Findings.Select(f => f.Kind));
    }
}
