namespace ActorArb.Actors.Risk;

/// <summary>Operator commands of the <see cref="RiskManagerActor"/>.</summary>
public static class RiskProtocol
{
    /// <summary>The kill switch: refuse new exposure until <see cref="Resume"/>.</summary>
    public sealed record Halt(string Reason);

    /// <summary>Lifts the operator's halt (other halts, such as a DEPEG regime, stay until they clear).</summary>
    public sealed record Resume(string Reason);
}
