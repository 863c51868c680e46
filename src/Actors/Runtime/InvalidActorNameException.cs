namespace ActorArb.Actors.Runtime;

/// <summary>Thrown when an actor name is empty, contains <c>/</c>, or is already taken by a live sibling.</summary>
public sealed class InvalidActorNameException : ArgumentException
{
    /// <summary>Creates the exception with a default message.</summary>
    public InvalidActorNameException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public InvalidActorNameException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and an inner exception.</summary>
    public InvalidActorNameException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
