using System.Runtime.CompilerServices;
using Npgsql;
using NpgsqlTypes;
using static ActorArb.Actors.Persistence.Postgres.PostgresSql;

namespace ActorArb.Actors.Persistence.Postgres;

/// <summary>Reads, a page per query so no transaction stays open while the caller consumes events.</summary>
public sealed partial class PostgresEventStore
{
    private const string EventColumns = "stream_id, version, position, event_id, type, data, metadata, \"timestamp\"";

    /// <inheritdoc />
    public async IAsyncEnumerable<RecordedEvent> ReadStreamAsync(string streamId, long afterVersion = 0, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        await MigrateAsync(cancellationToken).ConfigureAwait(false);
        var sql = $"select {EventColumns} from {_names.Schema}.events where stream_id = $1 and version > $2 order by version limit $3";
        var after = afterVersion;
        while (true)
        {
            var from = after;
            var page = await ReadPageWithRetryAsync(
                sql,
                () => [Parameter(streamId, NpgsqlDbType.Text), Parameter(from, NpgsqlDbType.Bigint), Parameter(_options.ReadPageSize, NpgsqlDbType.Integer)],
                cancellationToken).ConfigureAwait(false);
            foreach (var e in page)
            {
                yield return e;
            }

            if (page.Count < _options.ReadPageSize)
            {
                yield break;
            }

            after = page[^1].Version;
        }
    }

    /// <inheritdoc />
    /// <remarks>Reads the highest version from the (stream, version) index, so bulk-copied streams count too; retried through transient failures.</remarks>
    public async ValueTask<long> GetStreamVersionAsync(string streamId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        await MigrateAsync(cancellationToken).ConfigureAwait(false);
        var sql = $"select coalesce(max(version), 0) from {_names.Schema}.events where stream_id = $1";
        return await WithConnectionAsync(
            async (connection, token) => (long)(await ScalarAsync(connection, sql, token, Parameter(streamId, NpgsqlDbType.Text)).ConfigureAwait(false))!,
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Returns what is committed when each page is read. A transaction that commits later with a lower position
    /// than one already returned is not returned; subscriptions (<see cref="SubscribeAsync(string, long, Func{RecordedEvent, CancellationToken, ValueTask}, CancellationToken)"/>)
    /// are the way to follow the log without missing such events.
    /// </remarks>
    public async IAsyncEnumerable<RecordedEvent> ReadAllAsync(long afterPosition = 0, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await MigrateAsync(cancellationToken).ConfigureAwait(false);
        var sql = $"select {EventColumns} from {_names.Schema}.events where position > $1 order by position limit $2";
        var after = afterPosition;
        while (true)
        {
            var from = after;
            var page = await ReadPageWithRetryAsync(
                sql,
                () => [Parameter(from, NpgsqlDbType.Bigint), Parameter(_options.ReadPageSize, NpgsqlDbType.Integer)],
                cancellationToken).ConfigureAwait(false);
            foreach (var e in page)
            {
                yield return e;
            }

            if (page.Count < _options.ReadPageSize)
            {
                yield break;
            }

            after = page[^1].Position;
        }
    }

    /// <summary>Returns the position of the last event stored, or 0 when there is none: the head of the log when this is called.</summary>
    public async Task<long> ReadHeadPositionAsync(CancellationToken cancellationToken = default)
    {
        await MigrateAsync(cancellationToken).ConfigureAwait(false);
        return await WithConnectionAsync(
            async (connection, token) => (long)(await ScalarAsync(connection, $"select coalesce(max(position), 0) from {_names.Schema}.events", token).ConfigureAwait(false))!,
            cancellationToken).ConfigureAwait(false);
    }

    private Task<List<RecordedEvent>> ReadPageWithRetryAsync(string sql, Func<NpgsqlParameter[]> parameters, CancellationToken cancellationToken) =>
        WithConnectionAsync(
            async (connection, token) =>
            {
                await using var command = new NpgsqlCommand(sql, connection);
                command.Parameters.AddRange(parameters());
                return await ReadEventsAsync(command, token).ConfigureAwait(false);
            },
            cancellationToken);

    private async Task<List<RecordedEvent>> ReadEventsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var serializer = _options.Serializer;
        var events = new List<RecordedEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var type = reader.GetString(4);
            events.Add(new RecordedEvent(
                reader.GetString(0),
                reader.GetInt64(1),
                reader.GetInt64(2),
                reader.GetGuid(3),
                type,
                serializer.Deserialize(type, reader.GetString(5)),
                serializer.DeserializeMetadata(reader.GetString(6)),
                ToUnixMs(reader.GetFieldValue<DateTime>(7))));
        }

        return events;
    }
}
