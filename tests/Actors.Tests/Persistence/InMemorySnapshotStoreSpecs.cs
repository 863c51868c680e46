using ActorArb.Actors.Persistence;

namespace ActorArb.Actors.Tests.Persistence;

/// <summary>The snapshot contract on the in-memory store.</summary>
public sealed class InMemorySnapshotStoreSpecs : SnapshotStoreContractSpecs
{
    protected override ISnapshotStore CreateStore() => new InMemorySnapshotStore();
}
