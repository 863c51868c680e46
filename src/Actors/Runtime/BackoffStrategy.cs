namespace ActorArb.Actors.Runtime;

/// <summary>
/// Restarts a failing child after an exponentially growing delay: <c>minBackoff</c>, then twice that, and so on,
/// capped at <c>maxBackoff</c>. While it waits the child keeps its mailbox but handles nothing. After more than
/// <c>maxNrOfRetries</c> restarts within <c>withinTimeRange</c> (measured from the first failure of the window) the
/// child is stopped; once the window has passed, the count and the delay start again from the bottom.
/// </summary>
/// <remarks>
/// Jitter (<c>randomFactor</c> &gt; 0) stretches each delay by up to that fraction. It draws from a
/// <see cref="Random"/> seeded with <c>seed</c> when one is given; without a seed it is drawn from
/// <see cref="Random.Shared"/> in live mode and switched off in deterministic mode, so that replays stay identical.
/// </remarks>
public sealed class BackoffStrategy : SupervisorStrategy
{
    private readonly long _minMs;
    private readonly long _maxMs;
    private readonly int _maxNrOfRetries;
    private readonly long _windowMs;
    private readonly double _randomFactor;
    private readonly Random? _seeded;
    private readonly Func<Exception, Directive> _decider;
    private readonly Lock _randomLock = new();

    /// <summary>Creates the strategy; <paramref name="decider"/> defaults to <see cref="SupervisorStrategy.DefaultDecider"/>.</summary>
    public BackoffStrategy(
        TimeSpan minBackoff,
        TimeSpan maxBackoff,
        int maxNrOfRetries,
        TimeSpan withinTimeRange,
        double randomFactor = 0,
        int? seed = null,
        Func<Exception, Directive>? decider = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minBackoff.Ticks, nameof(minBackoff));
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBackoff, minBackoff);
        ArgumentOutOfRangeException.ThrowIfNegative(randomFactor);
        _minMs = (long)minBackoff.TotalMilliseconds;
        _maxMs = (long)maxBackoff.TotalMilliseconds;
        _maxNrOfRetries = maxNrOfRetries;
        _windowMs = RestartStats.ToWindowMs(withinTimeRange);
        _randomFactor = randomFactor;
        _seeded = seed is { } s ? new Random(s) : null;
        _decider = decider ?? DefaultDecider;
    }

    /// <summary>Returns the delay before restart number <paramref name="restartNumber"/> (1-based) of a window, without jitter.</summary>
    public TimeSpan DelayFor(int restartNumber) => TimeSpan.FromMilliseconds(BaseDelayMs(restartNumber));

    internal override SupervisorDecision Decide(Exception cause, RestartStats stats, long nowMs, bool deterministic)
    {
        var directive = _decider(cause);
        if (directive != Directive.Restart)
        {
            return new SupervisorDecision(directive, 0);
        }

        if (!stats.RequestRestart(_maxNrOfRetries, _windowMs, nowMs))
        {
            return new SupervisorDecision(Directive.Stop, 0);
        }

        return new SupervisorDecision(Directive.Restart, WithJitter(BaseDelayMs(stats.Count), deterministic));
    }

    private long BaseDelayMs(int restartNumber)
    {
        var delay = _minMs;
        for (var i = 1; i < restartNumber && delay < _maxMs; i++)
        {
            delay *= 2;
        }

        return Math.Min(delay, _maxMs);
    }

    private long WithJitter(long delayMs, bool deterministic)
    {
        if (_randomFactor <= 0 || (deterministic && _seeded is null))
        {
            return delayMs;
        }

        double draw;
        lock (_randomLock)
        {
            draw = (_seeded ?? Random.Shared).NextDouble();
        }

        return delayMs + (long)(delayMs * _randomFactor * draw);
    }
}
