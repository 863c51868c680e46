namespace ActorArb.Actors.Runtime.Testing;

/// <summary>Thrown by a <see cref="TestProbe"/> expectation that was not met; test frameworks report it as a failure.</summary>
public sealed class TestProbeException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public TestProbeException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public TestProbeException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and an inner exception.</summary>
    public TestProbeException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
