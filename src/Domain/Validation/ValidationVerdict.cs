namespace ActorArb.Domain.Validation;

/// <summary>
/// The outcome of validating one series or one cross-series comparison. The rules: <see cref="Fail"/> when the
/// series has an error finding (a row that is unreadable, breaks OHLC integrity, has a negative volume, a misaligned
/// or backwards time, or repeats a time with different values) or has no usable bar at all; otherwise
/// <see cref="Warn"/> when it has any warning finding (exact duplicates, gaps, stale runs, outliers, divergence);
/// otherwise <see cref="Pass"/>. Warnings describe real markets as often as bad data (a de-peg is an outlier, a quiet
/// pair has gaps), so they never fail a file.
/// </summary>
public enum ValidationVerdict
{
    /// <summary>No finding.</summary>
    Pass,

    /// <summary>Warnings only.</summary>
    Warn,

    /// <summary>At least one error, or no usable bar.</summary>
    Fail,
}
