namespace ActorArb.Domain.Validation;

/// <summary>The severity and the names of each <see cref="ValidationKind"/>.</summary>
public static class ValidationKinds
{
    /// <summary>Gets every kind in declaration order: errors first, then warnings.</summary>
    public static IReadOnlyList<ValidationKind> All { get; } = Enum.GetValues<ValidationKind>();

    /// <summary>Returns whether a finding of <paramref name="kind"/> fails the series or only warns.</summary>
    public static ValidationSeverity SeverityOf(ValidationKind kind) =>
        kind < ValidationKind.ExactDuplicate ? ValidationSeverity.Error : ValidationSeverity.Warning;

    /// <summary>Returns the kind's name in reports and JSON, e.g. <c>high-below-body</c>.</summary>
    public static string ToWire(ValidationKind kind) => kind switch
    {
        ValidationKind.Unreadable => "unreadable",
        ValidationKind.NonPositivePrice => "non-positive-price",
        ValidationKind.HighBelowBody => "high-below-body",
        ValidationKind.LowAboveBody => "low-above-body",
        ValidationKind.NegativeVolume => "negative-volume",
        ValidationKind.MisalignedTimestamp => "misaligned-timestamp",
        ValidationKind.OutOfOrder => "out-of-order",
        ValidationKind.ConflictingDuplicate => "conflicting-duplicate",
        ValidationKind.ExactDuplicate => "exact-duplicate",
        ValidationKind.Gap => "gap",
        ValidationKind.StaleRun => "stale-run",
        ValidationKind.ReturnOutlier => "return-outlier",
        ValidationKind.CloseOutlier => "close-outlier",
        ValidationKind.Divergence => "divergence",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a validation kind"),
    };

    /// <summary>Returns a short human description, e.g. <c>high below max(open, close)</c>.</summary>
    public static string Describe(ValidationKind kind) => kind switch
    {
        ValidationKind.Unreadable => "unreadable row",
        ValidationKind.NonPositivePrice => "non-positive price",
        ValidationKind.HighBelowBody => "high below max(open, close)",
        ValidationKind.LowAboveBody => "low above min(open, close)",
        ValidationKind.NegativeVolume => "negative volume",
        ValidationKind.MisalignedTimestamp => "time not aligned to the timeframe",
        ValidationKind.OutOfOrder => "time goes backwards",
        ValidationKind.ConflictingDuplicate => "duplicate time, different values",
        ValidationKind.ExactDuplicate => "duplicate row, same values",
        ValidationKind.Gap => "gap (missing bars)",
        ValidationKind.StaleRun => "stale run",
        ValidationKind.ReturnOutlier => "return outlier",
        ValidationKind.CloseOutlier => "close outlier",
        ValidationKind.Divergence => "cross-series divergence",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a validation kind"),
    };
}
