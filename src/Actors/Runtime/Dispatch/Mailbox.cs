namespace ActorArb.Actors.Runtime.Dispatch;

/// <summary>
/// One actor's queues as a dispatcher sees them. <see cref="Post"/> and <see cref="PostSystem"/> may be called from
/// any thread the dispatcher allows; <see cref="Resume"/> and <see cref="Close"/> only from the actor's own processing.
/// </summary>
internal abstract class Mailbox
{
    /// <summary>Gets the number of user messages waiting (used by the smallest-mailbox router).</summary>
    public abstract int Count { get; }

    /// <summary>
    /// Gets how busy the actor is for routing: the waiting messages, plus one on the thread pool while it is scheduled
    /// or handling a message, so that a routee stuck in a long handler does not look idle.
    /// </summary>
    public virtual int Load => Count;

    /// <summary>Enqueues a user message, applying the overflow policy; after <see cref="Close"/> it goes to dead letters.</summary>
    public abstract void Post(object message, IActorRef? sender);

    /// <summary>Enqueues a system message.</summary>
    public abstract void PostSystem(SystemMessage message);

    /// <summary>Called when the actor can handle user messages again after a suspension.</summary>
    public abstract void Resume();

    /// <summary>Called once the actor has stopped: every waiting and later message goes to dead letters.</summary>
    public abstract void Close();
}

/// <summary>Creates mailboxes and decides how they are processed.</summary>
internal interface IDispatcher
{
    /// <summary>Creates the mailbox for <paramref name="cell"/>.</summary>
    Mailbox CreateMailbox(ActorCell cell, MailboxOptions options);
}
