using ActorArb.Actors.Persistence;
using ActorArb.Domain.Time;

namespace ActorArb.Actors.Tests.Persistence;

/// <summary>The contract specs on the in-memory store.</summary>
public sealed class InMemoryEventStoreSpecs : EventStoreContractSpecs
{
    protected override IEventStore CreateStore() => new InMemoryEventStore(new ManualClock(1_000));
}
