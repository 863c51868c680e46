using ActorArb.Actors.Persistence.Postgres;
using ActorArb.Actors.Persistence.Serialization;
using ActorArb.Actors.Tests.Persistence.Postgres;
using ActorArb.Domain.Time;

namespace ActorArb.Actors.Tests.Runtime.Persistence;

/// <summary>A PostgreSQL event store and snapshot store on a fresh schema of the throwaway server, knowing the ledger's types.</summary>
internal static class PostgresStores
{
    public static PostgresEventStore Journal(PostgresServer server) => new(server.DataSource, new PostgresEventStoreOptions
    {
        Schema = server.NewSchemaName("persistent"),
        Serializer = new EventSerializer(EventTypeRegistry.CreateDefault().Register<Ledger.Deposited>().Register<Ledger.State>()),
        Clock = new ManualClock(1_700_000_000_000),
    });
}
