using Npgsql;
using NpgsqlTypes;

namespace ActorArb.Actors.Persistence.Postgres;

/// <summary>Small SQL helpers the event store, the snapshot store, the projections and the candle source share.</summary>
internal static class PostgresSql
{
    /// <summary>Returns a typed parameter, so no value is ever spliced into SQL text.</summary>
    public static NpgsqlParameter Parameter<T>(T value, NpgsqlDbType type) => new NpgsqlParameter<T> { TypedValue = value, NpgsqlDbType = type };

    /// <summary>Returns the UTC time of <paramref name="timeMs"/>, exactly (whole ticks, no floating point).</summary>
    public static DateTime ToUtc(long timeMs) => DateTime.UnixEpoch.AddTicks(timeMs * TimeSpan.TicksPerMillisecond);

    /// <summary>Returns the Unix milliseconds of a UTC time read from a <c>timestamptz</c> column.</summary>
    public static long ToUnixMs(DateTime utc) => (utc.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond;

    /// <summary>
    /// Runs <paramref name="sql"/> on <paramref name="connection"/>. Npgsql runs every command in the connection's
    /// current transaction, if any, so none is passed.
    /// </summary>
    public static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params NpgsqlParameter[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="sql"/> on <paramref name="connection"/> and returns the first column of its first row, or null.</summary>
    public static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params NpgsqlParameter[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Takes the transaction-scoped advisory lock (<paramref name="lockClass"/>, hash of <paramref name="key"/>) on
    /// <paramref name="connection"/>'s current transaction, so concurrent nodes run the same DDL one after another.
    /// </summary>
    public static Task AdvisoryXactLockAsync(NpgsqlConnection connection, int lockClass, string key, CancellationToken cancellationToken) =>
        ExecuteAsync(
            connection,
            "select pg_advisory_xact_lock($1, hashtext($2))",
            cancellationToken,
            Parameter(lockClass, NpgsqlDbType.Integer),
            Parameter(key, NpgsqlDbType.Text));
}
