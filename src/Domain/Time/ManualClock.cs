namespace ActorArb.Domain.Time;

/// <summary>
/// A clock that moves only when told to, and never backwards: replay drives it from event time and tests
/// advance it by hand.
/// </summary>
public sealed class ManualClock(long startMs = 0) : IClock
{
    /// <inheritdoc />
    public long NowMs { get; private set; } = startMs;

    /// <summary>Moves the clock forward by <paramref name="deltaMs"/> milliseconds.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The delta is negative.</exception>
    public void Advance(long deltaMs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(deltaMs);
        NowMs += deltaMs;
    }

    /// <summary>Sets the clock to <paramref name="timeMs"/>, which must not be earlier than now.</summary>
    /// <exception cref="InvalidOperationException">The new time is earlier than the current time.</exception>
    public void Set(long timeMs)
    {
        if (timeMs < NowMs)
        {
            throw new InvalidOperationException($"ManualClock cannot go backwards: now {NowMs}, asked for {timeMs}.");
        }

        NowMs = timeMs;
    }
}
