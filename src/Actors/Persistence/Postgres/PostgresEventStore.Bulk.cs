using Npgsql;
using NpgsqlTypes;
using static ActorArb.Actors.Persistence.Postgres.PostgresSql;

namespace ActorArb.Actors.Persistence.Postgres;

/// <summary>Bulk appends through binary COPY, for replay and backfill volumes.</summary>
public sealed partial class PostgresEventStore
{
    /// <summary>
    /// Appends a large batch with the same rules as <see cref="AppendAsync(string, long, IReadOnlyList{EventData}, CancellationToken)"/>
    /// (expected version, idempotency by event id, one transaction, notification on commit) but streams the rows
    /// with binary COPY. A new or empty stream takes the rows directly into <c>events</c>; an existing stream
    /// takes them into a temporary staging table first, from which one INSERT … SELECT skips the ids already
    /// stored, so a retried bulk append writes nothing twice.
    /// </summary>
    /// <exception cref="ConcurrencyException">The stream is not at the expected version.</exception>
    public async Task<AppendResult> BulkAppendAsync(string streamId, long expectedVersion, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        ArgumentNullException.ThrowIfNull(events);

        // Encoded row by row during the first COPY and kept for the staging fallback and the retries.
        var rows = Encode(events);

        // Some ids already stored (in another stream) fail the direct COPY: the staging path skips them.
        return await AppendWithRetryAsync(
            events.Count,
            (connection, rerun, token) => BulkAppendOnceAsync(connection, streamId, expectedVersion, rows, direct: !rerun, token),
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<AppendResult> BulkAppendOnceAsync(NpgsqlConnection connection, string streamId, long expectedVersion, EncodedEvents events, bool direct, CancellationToken cancellationToken)
    {
        var s = _names.Schema;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // Same first step as append_events: lock the stream row, which also gives the transaction its id
        // before any position is allocated.
        var version = (long)(await ScalarAsync(
            connection,
            $"insert into {s}.streams as st (stream_id, version) values ($1, 0) on conflict (stream_id) do update set version = st.version returning st.version",
            cancellationToken,
            Parameter(streamId, NpgsqlDbType.Text)).ConfigureAwait(false))!;

        var timestamp = ToUtc(_options.Clock.NowMs);
        long written;
        long lastPosition;
        if (direct && version == 0)
        {
            if (expectedVersion != ExpectedVersion.Any && expectedVersion != 0)
            {
                throw new ConcurrencyException(streamId, expectedVersion, 0);
            }

            await CopyAsync(connection, $"copy {s}.events (stream_id, version, event_id, type, data, metadata, \"timestamp\") from stdin (format binary)", events, streamId, timestamp, cancellationToken).ConfigureAwait(false);
            written = events.Count;
            lastPosition = events.Count == 0 ? 0 : (long)(await ScalarAsync(connection, $"select currval('{_names.Sequence}')", cancellationToken).ConfigureAwait(false))!;
        }
        else
        {
            await ExecuteAsync(connection, "create temporary table actorarb_staging (ord integer, event_id uuid, type text, data jsonb, metadata jsonb) on commit drop", cancellationToken).ConfigureAwait(false);
            await CopyAsync(connection, "copy actorarb_staging (ord, event_id, type, data, metadata) from stdin (format binary)", events, null, timestamp, cancellationToken).ConfigureAwait(false);
            var fresh = (long)(await ScalarAsync(connection, $"select count(*) from actorarb_staging st where not exists (select 1 from {s}.events e where e.event_id = st.event_id)", cancellationToken).ConfigureAwait(false))!;
            if (fresh == 0 && events.Count > 0)
            {
                var last = await ScalarAsync(connection, $"select max(e.position) from {s}.events e join actorarb_staging st on st.event_id = e.event_id", cancellationToken).ConfigureAwait(false);
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                return new AppendResult(version, last as long? ?? 0, 0);
            }

            if (expectedVersion != ExpectedVersion.Any && expectedVersion != version)
            {
                throw new ConcurrencyException(streamId, expectedVersion, version);
            }

            await using var insert = new NpgsqlCommand(
                $"""
                with inserted as (
                    insert into {s}.events (stream_id, version, event_id, type, data, metadata, "timestamp")
                    select $1, $2 + row_number() over (order by st.ord), st.event_id, st.type, st.data, st.metadata, $3
                    from actorarb_staging st
                    where not exists (select 1 from {s}.events e where e.event_id = st.event_id)
                    order by st.ord
                    returning position)
                select count(*), coalesce(max(position), 0) from inserted
                """,
                connection);
            insert.Parameters.Add(Parameter(streamId, NpgsqlDbType.Text));
            insert.Parameters.Add(Parameter(version, NpgsqlDbType.Bigint));
            insert.Parameters.Add(Parameter(timestamp, NpgsqlDbType.TimestampTz));
            await using var reader = await insert.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            written = reader.GetInt64(0);
            lastPosition = reader.GetInt64(1);
        }

        await ExecuteAsync(
            connection,
            $"with updated as (update {s}.streams set version = $1 where stream_id = $2 returning 1) select pg_notify('{_names.Channel}', '') from updated",
            cancellationToken,
            Parameter(version + written, NpgsqlDbType.Bigint),
            Parameter(streamId, NpgsqlDbType.Text)).ConfigureAwait(false);

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new AppendResult(version + written, lastPosition, (int)written);
    }

    /// <summary>
    /// Streams <paramref name="events"/> through binary COPY: with a <paramref name="streamId"/> as event rows
    /// numbered from version 1, without one as staging rows numbered by batch order. Rows not encoded yet are
    /// encoded as they are written, so the client's encoding overlaps the server's parsing and indexing.
    /// </summary>
    private static async Task CopyAsync(NpgsqlConnection connection, string copy, EncodedEvents events, string? streamId, DateTime timestamp, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < events.Count; i++)
        {
            await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
            if (streamId is not null)
            {
                await importer.WriteAsync(streamId, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync((long)i + 1, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await importer.WriteAsync(i, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
            }

            await importer.WriteAsync(events.Ids[i], NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(events.Types[i], NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(events.DataAt(i), NpgsqlDbType.Jsonb, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(events.MetadataAt(i), NpgsqlDbType.Jsonb, cancellationToken).ConfigureAwait(false);
            if (streamId is not null)
            {
                await importer.WriteAsync(timestamp, NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
            }
        }

        await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }
}
