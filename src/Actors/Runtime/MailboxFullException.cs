namespace ActorArb.Actors.Runtime;

/// <summary>
/// Thrown by <see cref="IActorRef.Tell"/> when the recipient's bounded mailbox is full and its overflow policy is
/// <see cref="OverflowPolicy.Fail"/>: the producer learns at once that it is outrunning the consumer.
/// </summary>
public sealed class MailboxFullException : InvalidOperationException
{
    /// <summary>Creates the exception with a default message.</summary>
    public MailboxFullException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public MailboxFullException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and an inner exception.</summary>
    public MailboxFullException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
