using ActorArb.Domain.Market;
using ActorArb.Domain.Regimes;
using ActorArb.Domain.Risk;

namespace ActorArb.Actors.Risk;

/// <summary>Operator commands of the <see cref="RiskManagerActor"/>.</summary>
public static class RiskProtocol
{
    /// <summary>The kill switch: refuse new exposure until <see cref="Resume"/>.</summary>
    public sealed record Halt(string Reason);

    /// <summary>Lifts the operator's halt (other halts, such as a DEPEG regime, stay until they clear).</summary>
    public sealed record Resume(string Reason);

    /// <summary>Whether the instrument's market data is healthy (live): unhealthy data halts new exposure until it is healthy again.</summary>
    public sealed record DataHealth(bool Healthy, string Reason);

    /// <summary>The actor's state at a checkpoint: the book and mark it values equity with, the regime, and the risk manager's own state.</summary>
    public sealed record State(double Cash, double Position, Price Mark, long TimeMs, Regime Regime, RiskManagerState Manager);
}

/// <summary>The state a <see cref="RiskManagerActor"/> command left, stored after that command's decisions and halts.</summary>
public sealed record RiskRecorded(RiskProtocol.State State);
