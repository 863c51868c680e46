using ActorArb.Domain.Validation;
using static ActorArb.Domain.Tests.Validation.ValidationRows;

namespace ActorArb.Domain.Tests.Validation;

public sealed class CandleValidatorRowSpecs
{
    [Fact]
    public void Validator_should_pass_a_clean_series_and_keep_every_row()
    {
        var validation = Validate(Numbered(Closes(0, "1", "0.9999", "1.0001", "1")));

        Assert.Equal(ValidationVerdict.Pass, validation.Verdict);
        Assert.Empty(validation.Findings);
        Assert.Empty(validation.Summary.Reasons);
        Assert.Equal(4, validation.RowsRead);
        Assert.Equal(4, validation.Bars.Length);
    }

    [Fact]
    public void Validator_should_accept_a_bar_whose_four_prices_are_equal_and_whose_volume_is_zero()
    {
        var validation = Validate([Row(0, "1", "1", "1", "1", volume: 0)], new ValidationOptions(StaleBars: 2));

        Assert.Equal(ValidationVerdict.Pass, validation.Verdict);
        Assert.Single(validation.Bars);
    }

    [Fact]
    public void Validator_should_fail_a_high_below_the_body_with_the_values_and_line_and_set_the_row_aside()
    {
        var validation = Validate(Numbered([Bar(0, "1"), Row(1, "1", "0.999", "0.99", "0.995"), Bar(2, "1")]));

        var finding = Single(validation, ValidationKind.HighBelowBody);
        Assert.Equal("high 0.999 below max(open 1, close 0.995)", finding.Message);
        Assert.Equal(Minute(1), finding.TimeMs);
        Assert.Equal(3, finding.Line);
        Assert.Equal(ValidationSeverity.Error, finding.Severity);
        Assert.Equal(ValidationVerdict.Fail, validation.Verdict);
        Assert.Equal([Minute(0), Minute(2)], validation.Bars.Select(b => b.TimeMs));
    }

    [Fact]
    public void Validator_should_fail_a_low_above_the_body()
    {
        var validation = Validate([Row(0, "1", "1.01", "1.001", "1.005")]);

        Assert.Equal("low 1.001 above min(open 1, close 1.005)", Single(validation, ValidationKind.LowAboveBody).Message);
        Assert.Equal(ValidationVerdict.Fail, validation.Verdict);
    }

    [Fact]
    public void Validator_should_report_both_body_findings_when_the_high_is_below_the_low()
    {
        var validation = Validate([Row(0, "1", "0.99", "1.01", "1")]);

        Assert.Equal([ValidationKind.HighBelowBody, ValidationKind.LowAboveBody], validation.Findings.Select(f => f.Kind));
    }

    [Fact]
    public void Validator_should_report_a_non_positive_price_without_comparing_it_with_the_body()
    {
        var validation = Validate([Row(0, "1", "1", "1", "0"), Row(1, "-1", "1", "1", "1")]);

        Assert.Equal([ValidationKind.NonPositivePrice, ValidationKind.NonPositivePrice], validation.Findings.Select(f => f.Kind));
        Assert.Equal("non-positive price in open/high/low/close 1/1/1/0", validation.Findings[0].Message);
        Assert.Empty(validation.Bars);
        Assert.Contains("no usable bar", validation.Summary.Reasons);
    }

    [Fact]
    public void Validator_should_fail_a_negative_volume()
    {
        var validation = Validate([Bar(0, "1", volume: -2.5)]);

        Assert.Equal("volume -2.5 is not a non-negative number", Single(validation, ValidationKind.NegativeVolume).Message);
    }

    [Fact]
    public void Validator_should_fail_a_time_that_is_not_a_multiple_of_the_timeframe()
    {
        var row = Bar(0, "1") with { TimeMs = T0 + 30_000 };

        var validation = Validate([Bar(0, "1"), row, Bar(1, "1")]);

        Assert.Equal($"open time {T0 + 30_000} (2023-03-01T00:00:30Z) is not a multiple of 1m", Single(validation, ValidationKind.MisalignedTimestamp).Message);
        Assert.Equal(2, validation.Bars.Length);
    }

    [Fact]
    public void Validator_should_warn_on_an_exact_duplicate_and_keep_the_first_copy()
    {
        var validation = Validate(Numbered([Bar(0, "1"), Bar(1, "0.9999"), Bar(1, "0.9999"), Bar(2, "1")]));

        var finding = Single(validation, ValidationKind.ExactDuplicate);
        Assert.Equal("repeats the bar at 2023-03-01T00:01:00Z (line 3) exactly", finding.Message);
        Assert.Equal(4, finding.Line);
        Assert.Equal(ValidationVerdict.Warn, validation.Verdict);
        Assert.Equal(3, validation.Bars.Length);
    }

    [Fact]
    public void Validator_should_fail_a_duplicate_time_with_different_values_and_keep_the_first_copy()
    {
        var validation = Validate(Numbered([Bar(0, "1"), Bar(1, "0.9999"), Bar(1, "0.9998", volume: 3), Bar(2, "1")]));

        var finding = Single(validation, ValidationKind.ConflictingDuplicate);
        Assert.Equal("open time 2023-03-01T00:01:00Z repeats the bar (line 3) with different values: 0.9998/0.9998/0.9998/0.9998 volume 3 against 0.9999/0.9999/0.9999/0.9999 volume 1", finding.Message);
        Assert.Equal(ValidationVerdict.Fail, validation.Verdict);
        Assert.Equal("0.9999", validation.Bars[1].Close.ToString());
    }

    [Fact]
    public void Validator_should_treat_a_duplicate_time_that_differs_only_in_volume_as_conflicting()
    {
        var validation = Validate([Bar(0, "1", volume: 5), Bar(0, "1", volume: 6)]);

        Assert.Equal(ValidationKind.ConflictingDuplicate, Assert.Single(validation.Findings).Kind);
    }

    [Fact]
    public void Validator_should_fail_a_time_that_goes_backwards_and_leave_the_row_out()
    {
        var validation = Validate(Numbered([Bar(0, "1"), Bar(5, "1"), Bar(3, "1"), Bar(6, "1")]));

        var finding = Single(validation, ValidationKind.OutOfOrder);
        Assert.Equal("open time 2023-03-01T00:03:00Z is before the previous bar's 2023-03-01T00:05:00Z (line 3)", finding.Message);
        Assert.Equal([Minute(0), Minute(5), Minute(6)], validation.Bars.Select(b => b.TimeMs));
    }

    [Fact]
    public void Validator_should_report_unreadable_rows_by_line_first_and_fail()
    {
        var validation = Validate(Numbered(Closes(0, "1", "1")), null, new UnreadableRow(7, "unparsable price (high)", "1677629220000,1,x,1,1,3"));

        var finding = validation.Findings[0];
        Assert.Equal(ValidationKind.Unreadable, finding.Kind);
        Assert.Null(finding.TimeMs);
        Assert.Equal(7, finding.Line);
        Assert.Equal("unparsable price (high): 1677629220000,1,x,1,1,3", finding.Message);
        Assert.Equal(3, validation.RowsRead);
        Assert.Equal(ValidationVerdict.Fail, validation.Verdict);
    }

    [Fact]
    public void Validator_should_start_the_series_at_the_first_good_row_when_the_first_row_is_bad()
    {
        var validation = Validate([Row(0, "1", "0.9", "1", "1"), Bar(1, "1"), Bar(2, "1")]);

        Assert.Equal(Minute(1), validation.Bars[0].TimeMs);
        Assert.Equal(0, validation.Summary.Gaps);
    }

    [Fact]
    public void Validator_should_fail_an_empty_series()
    {
        var validation = Validate([]);

        Assert.Equal(ValidationVerdict.Fail, validation.Verdict);
        Assert.Equal(["no usable bar"], validation.Summary.Reasons.AsEnumerable());
    }
}
