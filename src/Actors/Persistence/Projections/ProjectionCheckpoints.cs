using Npgsql;
using NpgsqlTypes;
using static ActorArb.Actors.Persistence.Postgres.PostgresSql;

namespace ActorArb.Actors.Persistence.Projections;

/// <summary>
/// The projections' own checkpoints, in <c>&lt;schema&gt;.projection_checkpoints(name, position)</c>: the last event
/// position whose effects are in the projection's tables. A checkpoint moves only inside the transaction that writes
/// those effects, which is what makes a projection's effects exactly-once across crashes and restarts.
/// </summary>
internal static class ProjectionCheckpoints
{
    /// <summary>The first key of the projections' advisory lock: "AcPr", apart from the store's migration lock.</summary>
    private const int LockClass = 0x41635072;

    /// <summary>
    /// Creates the checkpoint table and <paramref name="projection"/>'s tables when missing, and its checkpoint row at
    /// position 0, in one transaction holding an advisory lock on (projections, schema): concurrent
    /// <c>create table if not exists</c> statements can otherwise both pass the check and one fail on the catalog's
    /// unique index.
    /// </summary>
    public static async Task EnsureAsync(NpgsqlConnection connection, string schema, IProjection projection, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await AdvisoryXactLockAsync(connection, LockClass, schema, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(
            connection,
            $"""
            create table if not exists {schema}.projection_checkpoints (
                name text primary key,
                position bigint not null,
                updated_at timestamptz not null default now())
            """,
            cancellationToken).ConfigureAwait(false);
        await projection.CreateAsync(connection, schema, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(
            connection,
            $"insert into {schema}.projection_checkpoints (name, position) values ($1, 0) on conflict (name) do nothing",
            cancellationToken,
            Parameter(projection.Name, NpgsqlDbType.Text)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Returns the checkpoint of <paramref name="name"/>, or null when that projection never ran in the schema.</summary>
    public static async Task<long?> ReadAsync(NpgsqlConnection connection, string schema, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await ScalarAsync(connection, $"select position from {schema}.projection_checkpoints where name = $1", cancellationToken, Parameter(name, NpgsqlDbType.Text)).ConfigureAwait(false) as long?;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return null;
        }
    }

    /// <summary>
    /// Locks the checkpoint row of <paramref name="name"/> until the transaction ends and returns its position. A
    /// second runner of the same projection waits here, then sees the events the first one applied as done.
    /// </summary>
    public static async Task<long> LockAsync(NpgsqlConnection connection, string schema, string name, CancellationToken cancellationToken) =>
        await ScalarAsync(connection, $"select position from {schema}.projection_checkpoints where name = $1 for update", cancellationToken, Parameter(name, NpgsqlDbType.Text)).ConfigureAwait(false) as long?
            ?? throw new InvalidOperationException($"projection '{name}' has no checkpoint row in {schema}.projection_checkpoints");

    /// <summary>Moves the checkpoint of <paramref name="name"/> to <paramref name="position"/>, within the caller's transaction.</summary>
    public static Task SaveAsync(NpgsqlConnection connection, string schema, string name, long position, CancellationToken cancellationToken) =>
        ExecuteAsync(
            connection,
            $"update {schema}.projection_checkpoints set position = $2, updated_at = now() where name = $1",
            cancellationToken,
            Parameter(name, NpgsqlDbType.Text),
            Parameter(position, NpgsqlDbType.Bigint));
}
