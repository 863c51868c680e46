namespace ActorArb.Actors.Runtime;

/// <summary>
/// The base of every actor. The kernel builds instances through <see cref="Props"/>, delivers one message at a time
/// to <see cref="OnReceive"/>, and calls the lifecycle hooks in this order: <c>PreStart</c> on start; on restart
/// (after any backoff delay) <c>PreRestart</c> on the old instance, then its children are stopped, then <c>PostStop</c>
/// on the old instance, then <c>PostRestart</c> and <c>PreStart</c> on a new instance from the props' factory; on stop
/// the children are stopped first, then <c>PostStop</c> runs, then watchers receive <see cref="Terminated"/>.
/// </summary>
public abstract class ActorBase
{
    private readonly ActorCell _cell;

    /// <summary>Binds the new instance to the cell that is building it.</summary>
    /// <exception cref="InvalidOperationException">The actor was constructed directly instead of through <see cref="Props"/>.</exception>
    protected ActorBase()
    {
        _cell = ActorCell.Constructing
            ?? throw new InvalidOperationException(
                $"{GetType().Name} must be created by the actor system through Props, not with 'new' directly.");
    }

    /// <summary>Gets this actor's context.</summary>
    protected IActorContext Context => _cell;

    /// <summary>Gets this actor's own reference.</summary>
    protected IActorRef Self => _cell;

    /// <summary>Gets the sender of the message being handled, or dead letters when there is none.</summary>
    protected IActorRef Sender => _cell.Sender;

    internal ActorCell Cell => _cell;

    /// <summary>Handles one message. Call <see cref="Unhandled"/> for messages this actor does not understand.</summary>
    protected abstract void OnReceive(object message);

    /// <summary>Runs before the first message is handled (and, on restart, after <see cref="PostRestart"/>).</summary>
    protected virtual void PreStart()
    {
    }

    /// <summary>Runs after this actor and its children have stopped, and on the old instance of a restart.</summary>
    protected virtual void PostStop()
    {
    }

    /// <summary>Runs on the old instance before a restart, with the failure and the message that caused it.</summary>
    protected virtual void PreRestart(Exception reason, object? message)
    {
    }

    /// <summary>Runs on the new instance after a restart, before <see cref="PreStart"/>.</summary>
    protected virtual void PostRestart(Exception reason)
    {
    }

    /// <summary>
    /// Returns the strategy for this actor's children, or <see langword="null"/> to use its props' strategy or the
    /// system default.
    /// </summary>
    protected virtual SupervisorStrategy? SupervisorStrategy() => null;

    /// <summary>Publishes <paramref name="message"/> as an <see cref="UnhandledMessage"/> on the event stream.</summary>
    protected void Unhandled(object message) =>
        _cell.System.EventStream.Publish(new UnhandledMessage(message, _cell.CurrentSender, _cell));

    internal void InvokeReceive(object message) => OnReceive(message);

    internal void InvokePreStart() => PreStart();

    internal void InvokePostStop() => PostStop();

    internal void InvokePreRestart(Exception reason, object? message) => PreRestart(reason, message);

    internal void InvokePostRestart(Exception reason) => PostRestart(reason);

    internal SupervisorStrategy? InvokeSupervisorStrategy() => SupervisorStrategy();
}
