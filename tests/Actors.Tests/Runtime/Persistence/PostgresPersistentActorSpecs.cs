using ActorArb.Actors.Persistence.Postgres;
using ActorArb.Actors.Runtime;
using ActorArb.Actors.Tests.Persistence.Postgres;

namespace ActorArb.Actors.Tests.Runtime.Persistence;

/// <summary>Runs <see cref="PersistentActorSpecs"/> on PostgreSQL and the thread-pool dispatcher, one schema per test.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresPersistentActorSpecs : PersistentActorSpecs
{
    public PostgresPersistentActorSpecs(PostgresServer server)
        : this(PostgresStores.Journal(server))
    {
    }

    private PostgresPersistentActorSpecs(PostgresEventStore journal)
        : base(journal, new PostgresSnapshotStore(journal))
    {
    }

    protected override ActorSystem CreateSystem(string name) => ActorSystem.Create(name);

    protected override async Task KillAsync(ActorSystem system)
    {
        await system.TerminateAsync();
        await Journal.WhenAppendsDoneAsync();
    }
}
