namespace ActorArb.Actors.Runtime.Dispatch;

/// <summary>
/// Lifecycle and supervision messages. They travel in a queue of their own that every dispatcher drains before the
/// next user message, so that a stop or a restart takes effect ahead of queued work, and they are handled even
/// while the actor is suspended.
/// </summary>
internal abstract class SystemMessage;

/// <summary>Builds the first instance and runs <c>PreStart</c>.</summary>
internal sealed class CreateActor : SystemMessage
{
    public static CreateActor Instance { get; } = new();
}

/// <summary>Replaces the instance after a failure.</summary>
internal sealed class RecreateActor(Exception cause) : SystemMessage
{
    public Exception Cause { get; } = cause;
}

/// <summary>Lets a suspended actor continue with the same instance.</summary>
internal sealed class ResumeActor : SystemMessage
{
    public static ResumeActor Instance { get; } = new();
}

/// <summary>Stops the actor: children first, then <c>PostStop</c>, then watchers are told.</summary>
internal sealed class TerminateActor : SystemMessage
{
    public static TerminateActor Instance { get; } = new();
}

/// <summary>Tells a parent that its child failed.</summary>
internal sealed class ChildFailed(ActorCell child, Exception cause) : SystemMessage
{
    public ActorCell Child { get; } = child;

    public Exception Cause { get; } = cause;
}

/// <summary>Tells a parent that its child has stopped.</summary>
internal sealed class ChildTerminated(ActorCell child) : SystemMessage
{
    public ActorCell Child { get; } = child;
}

/// <summary>Registers <see cref="Watcher"/> to be told when the recipient stops.</summary>
internal sealed class WatchRequest(IActorRef watcher) : SystemMessage
{
    public IActorRef Watcher { get; } = watcher;
}

/// <summary>Removes <see cref="Watcher"/> from the recipient's watchers.</summary>
internal sealed class UnwatchRequest(IActorRef watcher) : SystemMessage
{
    public IActorRef Watcher { get; } = watcher;
}

/// <summary>Tells a watching cell that <see cref="Actor"/> has stopped; the cell turns it into <see cref="Terminated"/>.</summary>
internal sealed class DeathWatchNotification(ActorCell actor) : SystemMessage
{
    public ActorCell Actor { get; } = actor;
}
