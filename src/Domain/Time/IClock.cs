namespace ActorArb.Domain.Time;

/// <summary>
/// The one seam through which time enters ActorArb. Live runs use the system clock; replay and tests use a
/// <see cref="ManualClock"/> that only moves when told to.
/// </summary>
public interface IClock
{
    /// <summary>Returns the current time as Unix milliseconds (UTC).</summary>
    long NowMs { get; }
}
