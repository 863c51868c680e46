namespace ActorArb.Actors.Runtime;

/// <summary>
/// Delivered to every watcher of <paramref name="ActorRef"/> after that actor has stopped (its children have stopped
/// and its <c>PostStop</c> has run).
/// </summary>
public sealed record Terminated(IActorRef ActorRef);

/// <summary>
/// A message that could not be delivered because its recipient had stopped or its mailbox overflowed. Dead letters
/// are sent to <see cref="ActorSystem.DeadLetters"/>, which publishes them on the <see cref="EventStream"/>.
/// </summary>
public sealed record DeadLetter(object Message, IActorRef? Sender, IActorRef Recipient);

/// <summary>
/// Published on the <see cref="EventStream"/> when an actor did not handle a message (no matching <c>Receive</c>,
/// or an explicit <c>Unhandled</c> call).
/// </summary>
public sealed record UnhandledMessage(object Message, IActorRef? Sender, IActorRef Recipient);

/// <summary>
/// Published on the <see cref="EventStream"/> each time a supervisor handles a child's failure, with the directive it
/// applied; operators and tests watch this instead of scraping logs.
/// </summary>
public sealed record ActorFailed(IActorRef Actor, Exception Cause, Directive Directive);

/// <summary>
/// A message that stops its recipient when the recipient reaches it in its mailbox: messages queued before it are
/// handled first, messages after it go to dead letters.
/// </summary>
public sealed record PoisonPill
{
    private PoisonPill()
    {
    }

    /// <summary>Gets the single instance.</summary>
    public static PoisonPill Instance { get; } = new();
}

/// <summary>
/// Published on the <see cref="EventStream"/> when the kernel absorbed an exception that had no supervisor to go to:
/// a lifecycle hook that threw while an actor was stopping or restarting, or a scheduled callback that threw.
/// </summary>
public sealed record KernelError(string Source, Exception Cause);
