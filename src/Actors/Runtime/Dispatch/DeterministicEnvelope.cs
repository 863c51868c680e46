namespace ActorArb.Actors.Runtime.Dispatch;

/// <summary>One entry of the deterministic run queue; a mutable struct so that the ring buffer needs no allocation.</summary>
internal struct DeterministicEnvelope
{
    public DeterministicMailbox Box;
    public object Message;
    public IActorRef? Sender;
}
