using Npgsql;
using NpgsqlTypes;
using static ActorArb.Actors.Persistence.Postgres.PostgresSql;

namespace ActorArb.Actors.Persistence.Postgres;

/// <summary>
/// Snapshots in the <c>snapshots</c> table of a <see cref="PostgresEventStore"/>'s schema, written with its
/// serializer: the state's type must be registered there to come back as itself (an unregistered type comes
/// back as a <see cref="System.Text.Json.JsonElement"/>). Thread-safe.
/// </summary>
public sealed class PostgresSnapshotStore(PostgresEventStore store) : ISnapshotStore
{
    /// <inheritdoc />
    public async ValueTask SaveAsync(string streamId, long version, object state, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        ArgumentNullException.ThrowIfNull(state);
        var data = store.Options.Serializer.Serialize(state);
        var type = EventTypeNames.Of(state);
        await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
        await store.WithConnectionAsync(
            (connection, token) => ExecuteAsync(
                connection,
                $"insert into {store.Schema}.snapshots (stream_id, version, type, data) values ($1, $2, $3, $4) on conflict (stream_id, version) do update set type = excluded.type, data = excluded.data",
                token,
                Parameter(streamId, NpgsqlDbType.Text),
                Parameter(version, NpgsqlDbType.Bigint),
                Parameter(type, NpgsqlDbType.Text),
                Parameter(data, NpgsqlDbType.Json)),
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<StoredSnapshot?> LoadLatestAsync(string streamId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
        return await store.WithConnectionAsync(
            async (connection, token) =>
            {
                await using var command = new NpgsqlCommand(
                    $"select version, type, data from {store.Schema}.snapshots where stream_id = $1 order by version desc limit 1",
                    connection);
                command.Parameters.Add(Parameter(streamId, NpgsqlDbType.Text));
                await using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
                return await reader.ReadAsync(token).ConfigureAwait(false)
                    ? new StoredSnapshot(streamId, reader.GetInt64(0), store.Options.Serializer.Deserialize(reader.GetString(1), reader.GetString(2)))
                    : null;
            },
            cancellationToken).ConfigureAwait(false);
    }
}
