namespace ActorArb.Actors.Runtime;

/// <summary>
/// A handle to an actor (or to anything that accepts messages like one, such as a test probe). Telling it a
/// message never blocks the caller on the recipient's work and never throws because the recipient failed.
/// </summary>
public interface IActorRef
{
    /// <summary>Gets the actor's path, e.g. <c>/user/feed/coinbase</c>.</summary>
    string Path { get; }

    /// <summary>
    /// Enqueues <paramref name="message"/> for the recipient. <paramref name="sender"/> is what the recipient sees as
    /// <c>Sender</c> while it handles the message; <see langword="null"/> means "no sender" (replies go to dead letters).
    /// </summary>
    void Tell(object message, IActorRef? sender = null);
}
