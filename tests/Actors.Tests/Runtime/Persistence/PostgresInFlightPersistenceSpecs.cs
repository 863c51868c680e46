using ActorArb.Actors.Tests.Persistence.Postgres;

namespace ActorArb.Actors.Tests.Runtime.Persistence;

/// <summary>Runs <see cref="InFlightPersistenceSpecs"/> on PostgreSQL, one schema per test.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresInFlightPersistenceSpecs(PostgresServer server) : InFlightPersistenceSpecs(PostgresStores.Journal(server));
