namespace ActorArb.Actors.Runtime;

/// <summary>
/// Wraps an exception thrown while an actor was being created or started (its factory, constructor or
/// <c>PreStart</c>). The default supervisor strategies stop such an actor instead of restarting it in a loop.
/// </summary>
public sealed class ActorInitializationException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public ActorInitializationException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public ActorInitializationException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the exception that caused it.</summary>
    public ActorInitializationException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
