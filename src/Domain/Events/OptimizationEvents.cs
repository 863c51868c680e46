namespace ActorArb.Domain.Events;

/// <summary>
/// A finished threshold optimisation, recorded so the same request can be answered from the event store: the
/// request (canonical text) and its fingerprint, the fingerprint of the data it ran on, the best combination, the
/// top of the ranking and the hindsight bound. <see cref="IDomainEvent.TimeMs"/> is the close of the data's last bar,
/// so a replayed request records the same event.
/// </summary>
public sealed record OptimizationCompleted(
    long TimeMs,
    string RequestFingerprint,
    string DataFingerprint,
    string Request,
    string Objective,
    int Combinations,
    int Evaluated,
    IReadOnlyList<OptimizationCandidate> Top,
    double HindsightMaxEquity) : IDomainEvent
{
    /// <summary>Compares by value, the ranking element by element (a stored event equals the one appended).</summary>
    public bool Equals(OptimizationCompleted? other) =>
        other is not null
        && TimeMs == other.TimeMs
        && RequestFingerprint == other.RequestFingerprint
        && DataFingerprint == other.DataFingerprint
        && Request == other.Request
        && Objective == other.Objective
        && Combinations == other.Combinations
        && Evaluated == other.Evaluated
        && Top.SequenceEqual(other.Top)
        && HindsightMaxEquity.Equals(other.HindsightMaxEquity);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(TimeMs, RequestFingerprint, DataFingerprint, Top.Count);
}

/// <summary>
/// One ranked combination: timeframe, thresholds (threshold mode) or other parameters (general mode, as
/// <c>key=value</c> pairs), what it made (final equity relative to the starting cash) and its objective value.
/// </summary>
public sealed record OptimizationCandidate(
    string Timeframe,
    decimal? Buy,
    decimal? Sell,
    double FinalEquity,
    int Trades,
    double MaxDrawdown,
    double Objective,
    string? Parameters = null);
