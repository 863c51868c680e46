namespace ActorArb.Domain.Validation;

/// <summary>
/// What a <see cref="ValidationFinding"/> is about. The errors come first (see <see cref="ValidationKinds.SeverityOf"/>):
/// a row carrying one is left out of the series the continuity, stale, outlier and divergence checks look at.
/// </summary>
public enum ValidationKind
{
    /// <summary>Error: the reader could not parse the row (wrong column count, bad number).</summary>
    Unreadable,

    /// <summary>Error: an open, high, low or close is zero or negative.</summary>
    NonPositivePrice,

    /// <summary>Error: the high is below the larger of open and close.</summary>
    HighBelowBody,

    /// <summary>Error: the low is above the smaller of open and close.</summary>
    LowAboveBody,

    /// <summary>Error: the volume is negative.</summary>
    NegativeVolume,

    /// <summary>Error: the open time is not a multiple of the timeframe.</summary>
    MisalignedTimestamp,

    /// <summary>Error: the open time is earlier than the previous kept bar's.</summary>
    OutOfOrder,

    /// <summary>Error: the open time repeats the previous kept bar's with different values.</summary>
    ConflictingDuplicate,

    /// <summary>Warning: the row repeats the previous kept bar exactly (time and values).</summary>
    ExactDuplicate,

    /// <summary>Warning: one or more bars are missing between two kept bars.</summary>
    Gap,

    /// <summary>Warning: a run of consecutive bars with zero volume and/or repeated OHLC (see <see cref="StaleRule"/>).</summary>
    StaleRun,

    /// <summary>Warning: a one-bar return far from the median of the returns before it, in robust deviations.</summary>
    ReturnOutlier,

    /// <summary>Warning: a close far from the median of the closes before it, in robust deviations.</summary>
    CloseOutlier,

    /// <summary>Warning: a run of aligned bars where two series of the same symbol disagree beyond the threshold.</summary>
    Divergence,
}
