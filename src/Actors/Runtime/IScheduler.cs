namespace ActorArb.Actors.Runtime;

/// <summary>
/// Sends messages later. In live mode delays run on the system clock; in deterministic mode they run on virtual time
/// and fire only when the <see cref="DeterministicDispatcher"/> is advanced.
/// </summary>
public interface IScheduler
{
    /// <summary>Gets the scheduler's current time in Unix milliseconds.</summary>
    long NowMs { get; }

    /// <summary>
    /// Tells <paramref name="receiver"/> <paramref name="message"/> once, after <paramref name="delay"/>. Disposing the
    /// returned handle cancels it if it has not fired yet.
    /// </summary>
    IDisposable ScheduleTellOnce(TimeSpan delay, IActorRef receiver, object message, IActorRef? sender);
}
