namespace ActorArb.Actors.Runtime;

/// <summary>The family of pool routers; pass one to <see cref="Props.WithRouter"/>.</summary>
public abstract record RouterConfig
{
    private protected RouterConfig()
    {
    }
}

/// <summary>Sends each message to the next routee in turn: 0, 1, …, n-1, 0, ….</summary>
public sealed record RoundRobinPool(int NrOfInstances) : RouterConfig;

/// <summary>
/// Sends each message to the routee with the fewest queued messages at the moment of routing (on the thread pool a
/// routee that is busy handling a message counts one more); ties go to the lowest-numbered routee, so that the choice
/// is deterministic.
/// </summary>
public sealed record SmallestMailboxPool(int NrOfInstances) : RouterConfig;

/// <summary>Sends every message to every routee.</summary>
public sealed record BroadcastPool(int NrOfInstances) : RouterConfig;

/// <summary>Asks a router for its current routees; it replies with <see cref="Routees"/>.</summary>
public sealed record GetRoutees
{
    private GetRoutees()
    {
    }

    /// <summary>Gets the single instance.</summary>
    public static GetRoutees Instance { get; } = new();
}

/// <summary>A router's reply to <see cref="GetRoutees"/>, in routing order.</summary>
public sealed record Routees(IReadOnlyList<IActorRef> Members);
