using ActorArb.Actors.Runtime.Dispatch;

namespace ActorArb.Actors.Runtime;

/// <summary>Request-reply on top of <see cref="IActorRef.Tell"/>.</summary>
public static class ActorRefExtensions
{
    /// <summary>
    /// Tells <paramref name="target"/> <paramref name="message"/> with a temporary sender and returns a task that
    /// completes with the first reply. It fails with <see cref="AskTimeoutException"/> if no reply arrives within
    /// <paramref name="timeout"/> (measured on the system's scheduler, i.e. virtual time in deterministic mode, where
    /// the timeout only fires when the dispatcher is advanced), and with <see cref="InvalidCastException"/> if the reply
    /// is not a <typeparamref name="T"/>. <see cref="Timeout.InfiniteTimeSpan"/> waits forever.
    /// </summary>
    /// <exception cref="ArgumentException">The target was not created by an <see cref="ActorSystem"/>.</exception>
    public static Task<T> Ask<T>(this IActorRef target, object message, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(message);
        if (target is not IInternalActorRef known)
        {
            throw new ArgumentException($"Ask needs a reference created by an ActorSystem, got {target.GetType().Name}.", nameof(target));
        }

        var promise = new PromiseRef<T>(known.System, known.System.NextTempPath("ask"), target, timeout);
        if (timeout != Timeout.InfiniteTimeSpan)
        {
            promise.ArmTimeout(Delays.ToDelayMs(timeout));
        }

        try
        {
            target.Tell(message, promise);
        }
        catch (MailboxFullException ex)
        {
            promise.Fail(ex);
        }

        return promise.Task;
    }
}
