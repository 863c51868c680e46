using ActorArb.Domain.Validation;
using static ActorArb.Domain.Tests.Validation.ValidationRows;

namespace ActorArb.Domain.Tests.Validation;

public sealed class ValidationSummarySpecs
{
    [Theory]
    [InlineData(ValidationKind.Unreadable, ValidationSeverity.Error)]
    [InlineData(ValidationKind.NonPositivePrice, ValidationSeverity.Error)]
    [InlineData(ValidationKind.HighBelowBody, ValidationSeverity.Error)]
    [InlineData(ValidationKind.LowAboveBody, ValidationSeverity.Error)]
    [InlineData(ValidationKind.NegativeVolume, ValidationSeverity.Error)]
    [InlineData(ValidationKind.MisalignedTimestamp, ValidationSeverity.Error)]
    [InlineData(ValidationKind.OutOfOrder, ValidationSeverity.Error)]
    [InlineData(ValidationKind.ConflictingDuplicate, ValidationSeverity.Error)]
    [InlineData(ValidationKind.ExactDuplicate, ValidationSeverity.Warning)]
    [InlineData(ValidationKind.Gap, ValidationSeverity.Warning)]
    [InlineData(ValidationKind.StaleRun, ValidationSeverity.Warning)]
    [InlineData(ValidationKind.ReturnOutlier, ValidationSeverity.Warning)]
    [InlineData(ValidationKind.CloseOutlier, ValidationSeverity.Warning)]
    [InlineData(ValidationKind.Divergence, ValidationSeverity.Warning)]
    public void Kinds_should_fail_on_bad_data_and_only_warn_on_market_facts(ValidationKind kind, ValidationSeverity severity)
    {
        Assert.Equal(severity, ValidationKinds.SeverityOf(kind));
        Assert.Equal(ValidationVerdict.Pass, ValidationSummary.Of([], hasBars: true, 0).Verdict);
        Assert.Equal(
            severity == ValidationSeverity.Error ? ValidationVerdict.Fail : ValidationVerdict.Warn,
            ValidationSummary.Of([new ValidationFinding(kind, 0, null, "x")], hasBars: true, 0).Verdict);
    }

    [Fact]
    public void Summary_should_fail_when_one_error_is_among_many_warnings()
    {
        var findings = Enumerable.Range(0, 50).Select(i => new ValidationFinding(ValidationKind.Gap, i, null, "gap", Bars: 2))
            .Append(new ValidationFinding(ValidationKind.NegativeVolume, 99, 4, "volume"))
            .ToList();

        var summary = ValidationSummary.Of(findings, hasBars: true, 5);

        Assert.Equal(ValidationVerdict.Fail, summary.Verdict);
        Assert.Equal(["negative volume: 1", "gap (missing bars): 50"], summary.Reasons.AsEnumerable());
        Assert.Equal((1, 50, 100L), (summary.Errors, summary.Warnings, summary.MissingBars));
        Assert.Equal(5, summary.LongestGaps.Length);
    }

    [Fact]
    public void Summary_should_fail_a_series_without_usable_bars_even_without_findings()
    {
        Assert.Equal(ValidationVerdict.Fail, ValidationSummary.Of([], hasBars: false, 0).Verdict);
    }

    [Fact]
    public void Summary_should_count_every_kind_found_in_a_series()
    {
        var rows = Numbered([Bar(0, "1"), Bar(0, "1"), Bar(2, "1", volume: -1), Bar(4, "1"), Bar(3, "1")]);

        var summary = Validate(rows).Summary;

        Assert.Equal(
            [(ValidationKind.NegativeVolume, 1), (ValidationKind.OutOfOrder, 1), (ValidationKind.ExactDuplicate, 1), (ValidationKind.Gap, 1)],
            ValidationKinds.All.Where(k => summary.CountOf(k) > 0).Select(k => (k, summary.CountOf(k))));
    }
}
