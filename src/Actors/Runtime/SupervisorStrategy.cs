namespace ActorArb.Actors.Runtime;

/// <summary>
/// Decides what happens to a child that failed. A parent picks the strategy for its children by overriding
/// <c>ActorBase.SupervisorStrategy()</c> or through <see cref="Props.WithSupervisorStrategy"/>; otherwise the
/// system default applies (restart).
/// </summary>
public abstract class SupervisorStrategy
{
    private protected SupervisorStrategy()
    {
    }

    /// <summary>
    /// Gets the default strategy: restart without limit, except that an actor that fails while being created or
    /// started (<see cref="ActorInitializationException"/>) is stopped, because restarting it would only fail again.
    /// </summary>
    public static SupervisorStrategy Default { get; } =
        new OneForOneStrategy(-1, Timeout.InfiniteTimeSpan, DefaultDecider);

    /// <summary>Gets a strategy that stops every failing child.</summary>
    public static SupervisorStrategy Stopping { get; } =
        new OneForOneStrategy(-1, Timeout.InfiniteTimeSpan, _ => Directive.Stop);

    /// <summary>Returns <see cref="Directive.Stop"/> for initialization failures and <see cref="Directive.Restart"/> otherwise.</summary>
    public static Directive DefaultDecider(Exception cause) =>
        cause is ActorInitializationException ? Directive.Stop : Directive.Restart;

    /// <summary>Returns what to do with a child that threw <paramref name="cause"/>, and after what delay.</summary>
    internal abstract SupervisorDecision Decide(Exception cause, RestartStats stats, long nowMs, bool deterministic);
}

/// <summary>A supervisor's decision: the directive, and for a restart the delay before the new instance starts.</summary>
internal readonly record struct SupervisorDecision(Directive Directive, long DelayMs);

/// <summary>
/// The restart history of one child, kept by the child's cell but read and written only by its parent while the
/// parent handles the child's failure.
/// </summary>
internal sealed class RestartStats
{
    /// <summary>Gets the number of restarts granted in the current window.</summary>
    public int Count { get; private set; }

    private long _windowStartMs;

    /// <summary>
    /// Records a restart request at <paramref name="nowMs"/> and returns whether it is allowed: at most
    /// <paramref name="maxNrOfRetries"/> restarts (negative = unlimited) within <paramref name="windowMs"/>
    /// (non-positive = no window, the count never resets).
    /// </summary>
    public bool RequestRestart(int maxNrOfRetries, long windowMs, long nowMs)
    {
        if (maxNrOfRetries == 0)
        {
            return false;
        }

        if (windowMs > 0 && (Count == 0 || nowMs - _windowStartMs > windowMs))
        {
            _windowStartMs = nowMs;
            Count = 1;
        }
        else
        {
            Count++;
        }

        return maxNrOfRetries < 0 || Count <= maxNrOfRetries;
    }

    internal static long ToWindowMs(TimeSpan withinTimeRange) =>
        withinTimeRange == Timeout.InfiniteTimeSpan || withinTimeRange <= TimeSpan.Zero ? 0 : (long)withinTimeRange.TotalMilliseconds;
}
