using ActorArb.Actors.Persistence.Postgres;
using ActorArb.Host.Configuration;

namespace ActorArb.Host.Composition;

/// <summary>
/// Where events go, bound from <c>persistence</c>: <c>store = memory | postgres</c>; the PostgreSQL connection
/// string comes from the environment (<c>ACTORARB_PG</c> through <c>${?ACTORARB_PG}</c>), never from a file.
/// <c>snapshot-every</c> is how many events of a live chain stage go between two of its snapshots.
/// </summary>
internal sealed record PersistenceSettings(string Store, string? Connection, string Schema, int SnapshotEvery = 1_000)
{
    public static PersistenceSettings Bind(HoconConfig root)
    {
        var c = root.GetConfig("persistence");
        c.EnsureOnlyKeys("store", "postgres", "snapshot-every");
        var store = c.GetString("store", "memory");
        if (!IsStore(store))
        {
            throw c.InvalidValue("store", "memory or postgres");
        }

        var snapshotEvery = c.GetInt("snapshot-every", 1_000);
        if (snapshotEvery < 1)
        {
            throw c.InvalidValue("snapshot-every", "a whole number of events, at least 1");
        }

        var pg = c.GetConfig("postgres");
        pg.EnsureOnlyKeys("connection", "schema");
        return new PersistenceSettings(store, pg.HasPath("connection") ? pg.GetString("connection") : null, pg.GetString("schema", "actorarb"), snapshotEvery);
    }

    /// <summary>Returns these settings with the store named by <c>--store</c>, when given.</summary>
    /// <exception cref="Commands.UsageException">The name is neither memory nor postgres.</exception>
    public PersistenceSettings WithStore(string? store) =>
        store is null ? this
        : IsStore(store) ? this with { Store = store }
        : throw new Commands.UsageException($"--store: expected memory or postgres, got \"{store}\"");

    private static bool IsStore(string store) => store is "memory" or "postgres";

    /// <summary>Opens the PostgreSQL store and migrates its schema.</summary>
    /// <exception cref="Commands.UsageException">No connection string is configured.</exception>
    public async Task<PostgresEventStore> OpenPostgresAsync()
    {
        if (string.IsNullOrWhiteSpace(Connection))
        {
            throw new Commands.UsageException("the postgres store needs a connection: set ACTORARB_PG (e.g. \"Host=127.0.0.1;Port=5432;Username=actorarb;Database=actorarb\") or persistence.postgres.connection");
        }

        var store = PostgresEventStore.Create(Connection, new PostgresEventStoreOptions { Schema = Schema });
        await store.MigrateAsync().ConfigureAwait(false);
        return store;
    }
}
