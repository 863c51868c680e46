using ActorArb.Domain.Validation;
using static ActorArb.Domain.Tests.Validation.ValidationRows;

namespace ActorArb.Domain.Tests.Validation;

public sealed class CandleValidatorContinuitySpecs
{
    [Fact]
    public void Validator_should_report_a_gap_from_the_first_missing_bar_with_the_line_of_the_bar_after_it()
    {
        var validation = Validate(Numbered([Bar(0, "1"), Bar(1, "1"), Bar(5, "1"), Bar(6, "1")]));

        var gap = Single(validation, ValidationKind.Gap);
        Assert.Equal("3 missing bars from 2023-03-01T00:02:00Z to 2023-03-01T00:04:00Z", gap.Message);
        Assert.Equal(Minute(2), gap.TimeMs);
        Assert.Equal(Minute(5), gap.EndTimeMs);
        Assert.Equal(3, gap.Bars);
        Assert.Equal(4, gap.Line);
        Assert.Equal(ValidationVerdict.Warn, validation.Verdict);
    }

    [Fact]
    public void Validator_should_name_a_single_missing_bar()
    {
        var validation = Validate([Bar(0, "1"), Bar(2, "1")]);

        Assert.Equal("1 missing bar at 2023-03-01T00:01:00Z", Single(validation, ValidationKind.Gap).Message);
    }

    [Fact]
    public void Summary_should_count_gaps_and_missing_bars_and_list_the_longest_first_then_the_earliest()
    {
        // Gaps of 2, 5, 1 and 5 missing bars.
        var validation = Validate([Bar(0, "1"), Bar(3, "1"), Bar(9, "1"), Bar(11, "1"), Bar(17, "1")], new ValidationOptions(LongestGaps: 3));

        var summary = validation.Summary;
        Assert.Equal(4, summary.Gaps);
        Assert.Equal(13, summary.MissingBars);
        Assert.Equal(5, summary.LongestGapBars);
        Assert.Equal([(Minute(4), 5), (Minute(12), 5), (Minute(1), 2)], summary.LongestGaps.Select(g => (g.TimeMs!.Value, g.Bars)));
    }

    [Fact]
    public void Validator_should_see_a_row_it_set_aside_as_a_missing_bar()
    {
        var validation = Validate([Bar(0, "1"), Bar(1, "1", volume: -1), Bar(2, "1")]);

        Assert.Equal(1, validation.Summary.CountOf(ValidationKind.NegativeVolume));
        Assert.Equal(Minute(1), Single(validation, ValidationKind.Gap).TimeMs);
    }

    [Fact]
    public void Validator_should_report_a_zero_volume_run_of_at_least_the_stale_length()
    {
        var rows = new[] { Bar(0, "1"), Bar(1, "1.0001"), Bar(2, "1", 0), Bar(3, "1", 0), Bar(4, "1", 0), Bar(5, "1", 0), Bar(6, "0.9999"), Bar(7, "1", 0), Bar(8, "1", 0) };

        var validation = Validate(rows, new ValidationOptions(StaleBars: 3, StaleRule: StaleRule.ZeroVolume));

        var run = Single(validation, ValidationKind.StaleRun);
        Assert.Equal((Minute(2), Minute(6), 4), (run.TimeMs!.Value, run.EndTimeMs!.Value, run.Bars));
        Assert.Equal("4 bars from 2023-03-01T00:02:00Z to 2023-03-01T00:05:00Z: 4 with zero volume, 3 repeating the previous bar's OHLC; close 1 → 1", run.Message);
    }

    [Fact]
    public void Validator_should_end_a_stale_run_at_a_gap()
    {
        var rows = new[] { Bar(0, "1", 0), Bar(1, "1", 0), Bar(2, "1", 0), Bar(4, "1", 0), Bar(5, "1", 0), Bar(6, "1", 0) };

        var validation = Validate(rows, new ValidationOptions(StaleBars: 4));

        Assert.Equal(0, validation.Summary.CountOf(ValidationKind.StaleRun));
        Assert.Equal(1, validation.Summary.Gaps);
    }

    [Theory]
    [InlineData(StaleRule.IdenticalOhlc, 5)]
    [InlineData(StaleRule.Either, 5)]
    [InlineData(StaleRule.ZeroVolume, 0)]
    [InlineData(StaleRule.Both, 0)]
    public void Validator_should_treat_repeated_bars_that_trade_as_stale_only_under_the_rules_that_look_at_prices(StaleRule rule, int expected)
    {
        var rows = new[] { Bar(0, "0.9999") }.Concat(Enumerable.Range(1, 5).Select(m => Row(m, "1", "1.0001", "0.9999", "1", volume: 10)));

        var validation = Validate(rows, new ValidationOptions(StaleBars: 3, StaleRule: rule));

        Assert.Equal(expected, validation.Findings.Where(f => f.Kind == ValidationKind.StaleRun).Sum(f => f.Bars));
    }

    [Theory]
    [InlineData(StaleRule.ZeroVolume, 4)]
    [InlineData(StaleRule.Both, 0)]
    public void Validator_should_require_repeated_prices_as_well_as_zero_volume_under_both(StaleRule rule, int expected)
    {
        var rows = Closes(0, "1", "1.0001", "1.0002", "1.0003").Select(b => b with { Volume = 0 });

        var validation = Validate(rows, new ValidationOptions(StaleBars: 3, StaleRule: rule));

        Assert.Equal(expected, validation.Findings.Where(f => f.Kind == ValidationKind.StaleRun).Sum(f => f.Bars));
    }

    [Fact]
    public void Validator_should_start_an_either_run_at_the_last_bar_that_traded()
    {
        var rows = new[] { Bar(0, "0.9999"), Bar(1, "1"), Bar(2, "1", 0), Bar(3, "1", 0), Bar(4, "1", 0), Bar(5, "1", 0), Bar(6, "0.9998") };

        var run = Single(Validate(rows, new ValidationOptions(StaleBars: 5)), ValidationKind.StaleRun);

        Assert.Equal((Minute(1), 5), (run.TimeMs!.Value, run.Bars));
        Assert.Contains("4 with zero volume, 4 repeating", run.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validator_should_not_join_two_groups_of_repeated_traded_bars_into_one_either_run()
    {
        var rows = Closes(0, "1", "1", "1", "0.9999", "0.9999", "0.9999");

        var validation = Validate(rows, new ValidationOptions(StaleBars: 4));

        Assert.Equal(0, validation.Summary.CountOf(ValidationKind.StaleRun));
    }
}
