using ActorArb.Actors.Persistence.Postgres;
using ActorArb.Actors.Runtime;
using ActorArb.Actors.Tests.Persistence.Postgres;
using ActorArb.Domain.Time;

namespace ActorArb.Actors.Tests.Runtime.Persistence;

/// <summary>
/// Runs <see cref="PersistentActorSpecs"/> on PostgreSQL and the deterministic dispatcher, where the driving thread
/// waits for each store call, one schema per test.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresDeterministicPersistentActorSpecs : PersistentActorSpecs
{
    public PostgresDeterministicPersistentActorSpecs(PostgresServer server)
        : this(PostgresStores.Journal(server))
    {
    }

    private PostgresDeterministicPersistentActorSpecs(PostgresEventStore journal)
        : base(journal, new PostgresSnapshotStore(journal))
    {
    }

    protected override ActorSystem CreateSystem(string name) => ActorSystem.CreateDeterministic(name, new ManualClock(1_700_000_000_000));

    protected override Task KillAsync(ActorSystem system)
    {
        // Nothing is in flight once the driving thread is back, so dropping the system loses exactly what it queued.
        Abandon(system);
        return Task.CompletedTask;
    }
}
