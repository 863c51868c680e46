namespace ActorArb.Actors.Tests.Persistence.Postgres;

/// <summary>
/// The test classes that share one throwaway PostgreSQL server. Classes in a collection run one after another,
/// which also keeps a server restart in one class from surprising another.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    /// <summary>The collection's name, for <c>[Collection(PostgresCollection.Name)]</c>.</summary>
    public const string Name = "PostgreSQL server";
}
