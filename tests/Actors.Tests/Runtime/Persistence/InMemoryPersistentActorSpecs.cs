using ActorArb.Actors.Persistence;
using ActorArb.Actors.Runtime;
using ActorArb.Domain.Time;

namespace ActorArb.Actors.Tests.Runtime.Persistence;

/// <summary>Runs <see cref="PersistentActorSpecs"/> on the in-memory stores and the deterministic dispatcher.</summary>
public sealed class InMemoryPersistentActorSpecs()
    : PersistentActorSpecs(new InMemoryEventStore(new ManualClock(1_700_000_000_000)), new InMemorySnapshotStore())
{
    protected override ActorSystem CreateSystem(string name) => ActorSystem.CreateDeterministic(name, new ManualClock(1_700_000_000_000));

    protected override Task KillAsync(ActorSystem system)
    {
        // A deterministic system does nothing unless driven: dropping it loses what it has queued, as a crash would.
        Abandon(system);
        return Task.CompletedTask;
    }
}
