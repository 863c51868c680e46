namespace ActorArb.Actors.Runtime;

/// <summary>The kernel's view of a reference it created: every such reference knows the system it belongs to.</summary>
internal interface IInternalActorRef : IActorRef
{
    /// <summary>Gets the system that owns this reference.</summary>
    ActorSystem System { get; }
}
