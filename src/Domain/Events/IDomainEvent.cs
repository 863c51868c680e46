namespace ActorArb.Domain.Events;

/// <summary>
/// A fact that happened, past tense and never mutated. <see cref="TimeMs"/> is the event time (market time in
/// replay, clock time live), the only timestamp the domain reasons with.
/// </summary>
public interface IDomainEvent
{
    /// <summary>Returns the event time in Unix milliseconds (UTC).</summary>
    long TimeMs { get; }
}
