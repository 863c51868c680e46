namespace ActorArb.Actors.Runtime;

/// <summary>What a bounded mailbox does with a message that arrives when it is full.</summary>
public enum OverflowPolicy
{
    /// <summary>The arriving message is rejected and sent to dead letters; the queue keeps its older messages.</summary>
    DropNewest,

    /// <summary>The oldest queued message is removed and sent to dead letters to make room for the arriving one.</summary>
    DropOldest,

    /// <summary><see cref="IActorRef.Tell"/> throws <see cref="MailboxFullException"/>; nothing is enqueued.</summary>
    Fail,

    /// <summary>
    /// On the thread-pool dispatcher the producer's thread blocks until there is room (back-pressure; never use it
    /// for an actor that tells itself). On the deterministic dispatcher there is only one thread, so blocking would
    /// deadlock: the mailbox is treated as unbounded there.
    /// </summary>
    Wait,
}
