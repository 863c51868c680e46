namespace ActorArb.Actors.Runtime.Dispatch;

/// <summary>The kernel's side of a scheduler: callbacks after a delay, on wall time or virtual time.</summary>
internal interface IInternalScheduler : IScheduler
{
    /// <summary>Calls <paramref name="callback"/> with <paramref name="state"/> after <paramref name="delayMs"/>; dispose to cancel.</summary>
    IDisposable Schedule(long delayMs, Action<object> callback, object state);

    /// <summary>Cancels everything still pending.</summary>
    void Shutdown();
}

/// <summary>Helpers shared by both schedulers.</summary>
internal static class Delays
{
    /// <summary>Returns a delay in whole milliseconds, rounded up so that nothing fires early; negative becomes 0.</summary>
    public static long ToDelayMs(TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            return 0;
        }

        return (delay.Ticks + TimeSpan.TicksPerMillisecond - 1) / TimeSpan.TicksPerMillisecond;
    }

    /// <summary>Schedules a one-off tell through <paramref name="scheduler"/>.</summary>
    public static IDisposable ScheduleTell(IInternalScheduler scheduler, TimeSpan delay, IActorRef receiver, object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        return scheduler.Schedule(ToDelayMs(delay), static s => ((TellRequest)s).Send(), new TellRequest(receiver, message, sender));
    }

    private sealed record TellRequest(IActorRef Receiver, object Message, IActorRef? Sender)
    {
        public void Send() => Receiver.Tell(Message, Sender);
    }
}
