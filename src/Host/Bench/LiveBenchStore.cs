using ActorArb.Actors.Persistence;
using ActorArb.Actors.Persistence.Postgres;
using ActorArb.Actors.Runtime;
using Npgsql;

namespace ActorArb.Host.Bench;

/// <summary>
/// Where <c>bench live</c> persists: the in-memory store (the default, no server needed), or PostgreSQL in a scratch
/// schema the run drops before it starts and again when it ends, as <c>bench store</c> does. Each pass writes its own
/// streams, so the passes of one run share one store.
/// </summary>
internal sealed class LiveBenchStore : IAsyncDisposable
{
    /// <summary>The scratch schema of a PostgreSQL run.</summary>
    public const string Schema = "actorarb_bench_live";

    private readonly NpgsqlDataSource? _dataSource;

    private LiveBenchStore(IEventStore store, string description, NpgsqlDataSource? dataSource)
    {
        Store = store;
        Description = description;
        _dataSource = dataSource;
    }

    /// <summary>Gets the store the passes write to.</summary>
    public IEventStore Store { get; }

    /// <summary>Gets the store in words, for the report.</summary>
    public string Description { get; }

    /// <summary>Opens the store <paramref name="options"/> names; for PostgreSQL, creates the scratch schema afresh.</summary>
    public static async Task<LiveBenchStore> OpenAsync(LiveBenchOptions options)
    {
        if (options.Store == "memory")
        {
            return new LiveBenchStore(new InMemoryEventStore(SystemClock.Instance), "in-memory store", null);
        }

        var dataSource = NpgsqlDataSource.Create(options.Connection!);
        try
        {
            await DropSchemaAsync(dataSource).ConfigureAwait(false);
            var store = new PostgresEventStore(dataSource, new PostgresEventStoreOptions { Schema = Schema });
            await store.MigrateAsync().ConfigureAwait(false);
            var server = new NpgsqlConnectionStringBuilder(options.Connection);
            return new LiveBenchStore(store, $"PostgreSQL store ({server.Host}:{server.Port}, schema {Schema})", dataSource);
        }
        catch
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Drops the scratch schema of a PostgreSQL run.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_dataSource is null)
        {
            return;
        }

        try
        {
            await DropSchemaAsync(_dataSource).ConfigureAwait(false);
        }
        finally
        {
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task DropSchemaAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand($"drop schema if exists {Schema} cascade");
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }
}
