using Npgsql;

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
                _migration = WithConnectionAsync((connection, token) => PostgresMigrations.MigrateAsync(connection, _names, token), CancellationToken.None);
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

    /// <summary>
    /// Runs <paramref name="work"/> on a connection of its own, retrying it on a fresh one through transient failures
    /// within <see cref="PostgresEventStoreOptions.TransientRetryBudget"/>; so only work that is safe to repeat
    /// belongs here.
    /// </summary>
    internal Task<T> WithConnectionAsync<T>(Func<NpgsqlConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        TransientRetry.RunAsync(
            _dataSource,
            _options.TransientRetryBudget,
            async (_, token) =>
            {
                await using var connection = await _dataSource.OpenConnectionAsync(token).ConfigureAwait(false);
                return await work(connection, token).ConfigureAwait(false);
            },
            cancellationToken);

    /// <summary>Runs <paramref name="work"/> as <see cref="WithConnectionAsync{T}"/> does, for work that returns nothing.</summary>
    internal Task WithConnectionAsync(Func<NpgsqlConnection, CancellationToken, Task> work, CancellationToken cancellationToken) =>
        WithConnectionAsync(
            async (connection, token) =>
            {
                await work(connection, token).ConfigureAwait(false);
                return true;
            },
            cancellationToken);
}
