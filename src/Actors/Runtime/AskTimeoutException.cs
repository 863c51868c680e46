namespace ActorArb.Actors.Runtime;

/// <summary>Thrown by an <c>Ask</c> whose target did not reply within the timeout.</summary>
public sealed class AskTimeoutException : TimeoutException
{
    /// <summary>Creates the exception with a default message.</summary>
    public AskTimeoutException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public AskTimeoutException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and an inner exception.</summary>
    public AskTimeoutException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
