namespace ActorArb.Actors.Runtime;

/// <summary>
/// Applies the decider's directive to the failing child only. A restart beyond <c>maxNrOfRetries</c> within
/// <c>withinTimeRange</c> stops the child instead.
/// </summary>
public sealed class OneForOneStrategy : SupervisorStrategy
{
    private readonly int _maxNrOfRetries;
    private readonly long _windowMs;
    private readonly Func<Exception, Directive> _decider;

    /// <summary>
    /// Creates the strategy. <paramref name="maxNrOfRetries"/> negative means unlimited; <paramref name="withinTimeRange"/>
    /// <see cref="Timeout.InfiniteTimeSpan"/> or zero means the restart count never resets.
    /// </summary>
    public OneForOneStrategy(int maxNrOfRetries, TimeSpan withinTimeRange, Func<Exception, Directive> decider)
    {
        ArgumentNullException.ThrowIfNull(decider);
        _maxNrOfRetries = maxNrOfRetries;
        _windowMs = RestartStats.ToWindowMs(withinTimeRange);
        _decider = decider;
    }

    internal override SupervisorDecision Decide(Exception cause, RestartStats stats, long nowMs, bool deterministic)
    {
        var directive = _decider(cause);
        if (directive == Directive.Restart && !stats.RequestRestart(_maxNrOfRetries, _windowMs, nowMs))
        {
            directive = Directive.Stop;
        }

        return new SupervisorDecision(directive, 0);
    }
}
