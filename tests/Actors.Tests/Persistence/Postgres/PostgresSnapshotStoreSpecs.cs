using ActorArb.Actors.Persistence;
using ActorArb.Actors.Persistence.Postgres;

namespace ActorArb.Actors.Tests.Persistence.Postgres;

/// <summary>The snapshot contract on PostgreSQL, one schema per test.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresSnapshotStoreSpecs(PostgresServer server) : SnapshotStoreContractSpecs
{
    protected override ISnapshotStore CreateStore() =>
        new PostgresSnapshotStore(new PostgresEventStore(server.DataSource, PostgresServer.Options(server.NewSchemaName("snap"))));
}
