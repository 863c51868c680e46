namespace ActorArb.Actors.Runtime;

/// <summary>What an actor may see and do about itself while it handles a message (or in its constructor).</summary>
public interface IActorContext
{
    /// <summary>Gets this actor's own reference.</summary>
    IActorRef Self { get; }

    /// <summary>Gets the sender of the message being handled, or <see cref="ActorSystem.DeadLetters"/> when there is none.</summary>
    IActorRef Sender { get; }

    /// <summary>Gets the supervising parent (the <c>/user</c> guardian for top-level actors).</summary>
    IActorRef Parent { get; }

    /// <summary>Gets the system this actor lives in.</summary>
    ActorSystem System { get; }

    /// <summary>Gets this actor's timers.</summary>
    ITimerScheduler Timers { get; }

    /// <summary>Gets a snapshot of the live children.</summary>
    IReadOnlyCollection<IActorRef> Children { get; }

    /// <summary>Creates a child named <paramref name="name"/>, supervised by this actor.</summary>
    /// <exception cref="InvalidActorNameException">The name is invalid or a live child already has it.</exception>
    IActorRef Spawn(Props props, string name);

    /// <summary>Stops <paramref name="child"/> (or this actor itself, if given <see cref="Self"/>).</summary>
    void Stop(IActorRef child);

    /// <summary>
    /// Asks to receive <see cref="Terminated"/> when <paramref name="other"/> stops (at once if it already has);
    /// returns <paramref name="other"/>.
    /// </summary>
    IActorRef Watch(IActorRef other);

    /// <summary>Stops watching <paramref name="other"/>; a <see cref="Terminated"/> not yet handled is discarded.</summary>
    void Unwatch(IActorRef other);
}
