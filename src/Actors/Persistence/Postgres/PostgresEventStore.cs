using Npgsql;
using NpgsqlTypes;

namespace ActorArb.Actors.Persistence.Postgres;

/// <summary>
/// The durable event store on PostgreSQL (Npgsql). Streams of events with a global position, optimistic
/// concurrency and idempotent appends; bulk appends through binary COPY; reads by stream and by position; and
/// subscriptions with durable checkpoints that never skip an event committed out of position order. The schema
/// is created and migrated on first use (or by <see cref="MigrateAsync"/>). Transient failures such as a server
/// restart are retried for <see cref="PostgresEventStoreOptions.TransientRetryBudget"/>; appends are safe to
/// retry because a retried event id is never written twice. Thread-safe.
/// </summary>
public sealed partial class PostgresEventStore : IEventStore, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;
    private readonly PostgresEventStoreOptions _options;
    private readonly PostgresNames _names;
    private readonly Lock _migrationGate = new();
    private Task? _migration;

    /// <summary>Creates a store on <paramref name="dataSource"/>, which the caller keeps and disposes.</summary>
    /// <exception cref="ArgumentException">The schema name in <paramref name="options"/> is not a plain lower-case identifier.</exception>
    public PostgresEventStore(NpgsqlDataSource dataSource, PostgresEventStoreOptions? options = null)
        : this(dataSource, options ?? new PostgresEventStoreOptions(), ownsDataSource: false)
    {
    }

    private PostgresEventStore(NpgsqlDataSource dataSource, PostgresEventStoreOptions options, bool ownsDataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ReadPageSize, 1);
        _dataSource = dataSource;
        _options = options;
        _ownsDataSource = ownsDataSource;
        _names = new PostgresNames(options.Schema);
    }

    /// <summary>Returns the schema holding this store's tables.</summary>
    public string Schema => _names.Schema;

    /// <summary>Returns the data source the store connects through.</summary>
    public NpgsqlDataSource DataSource => _dataSource;

    internal PostgresEventStoreOptions Options => _options;

    internal PostgresNames Names => _names;

    /// <summary>Returns a store that opens its own data source on <paramref name="connectionString"/> and disposes it with itself.</summary>
    public static PostgresEventStore Create(string connectionString, PostgresEventStoreOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        return new PostgresEventStore(NpgsqlDataSource.Create(connectionString), options ?? new PostgresEventStoreOptions(), ownsDataSource: true);
    }

    /// <summary>
    /// Creates the schema and applies any migrations it lacks, once per store instance (a failed attempt is
    /// retried by the next call). Every other operation calls this first, so calling it at start-up only moves
    /// the cost and surfaces connection problems early.
    /// </summary>
    public Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        Task migration;
        lock (_migrationGate)
        {
            if (_migration is null || _migration.IsFaulted || _migration.IsCanceled)
            {
                // Not tied to one caller's token: other callers may be waiting on the same migration.
                _migration = TransientRetry.RunAsync(
                    _dataSource,
                    _options.TransientRetryBudget,
                    async (_, token) =>
                    {
                        await PostgresMigrations.MigrateAsync(_dataSource, _names, token).ConfigureAwait(false);
                        return true;
                    },
                    CancellationToken.None);
            }

            migration = _migration;
        }

        return migration.IsCompletedSuccessfully ? migration : migration.WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_ownsDataSource)
        {
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static NpgsqlParameter Parameter<T>(T value, NpgsqlDbType type) => new NpgsqlParameter<T> { TypedValue = value, NpgsqlDbType = type };

    private static DateTime ToUtc(long timeMs) => DateTime.UnixEpoch.AddMilliseconds(timeMs);

    private static long ToUnixMs(DateTime utc) => (utc.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond;
}
