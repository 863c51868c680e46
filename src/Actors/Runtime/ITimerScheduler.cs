namespace ActorArb.Actors.Runtime;

/// <summary>
/// Timers owned by one actor and keyed by any object. Starting a timer with a key that is already active replaces
/// it; a replaced or cancelled timer never delivers a message, even if it had already fired into the mailbox.
/// All timers are cancelled when the actor restarts or stops. Timer messages arrive with <c>Sender</c> = <c>Self</c>.
/// </summary>
public interface ITimerScheduler
{
    /// <summary>Delivers <paramref name="message"/> once after <paramref name="delay"/>.</summary>
    void StartSingleTimer(object key, object message, TimeSpan delay);

    /// <summary>Delivers <paramref name="message"/> every <paramref name="interval"/>, the first after one interval.</summary>
    void StartPeriodicTimer(object key, object message, TimeSpan interval);

    /// <summary>Cancels the timer with <paramref name="key"/>, if any.</summary>
    void Cancel(object key);

    /// <summary>Returns whether a timer with <paramref name="key"/> is active (periodic, or single and not yet delivered).</summary>
    bool IsTimerActive(object key);
}
