using Npgsql;
using NpgsqlTypes;
using static ActorArb.Actors.Persistence.Postgres.PostgresSql;

namespace ActorArb.Actors.Persistence.Postgres;

/// <summary>Bulk appends through binary COPY, for replay and backfill volumes.</summary>
public sealed partial class PostgresEventStore
{
    private const string CopyColumns = "(stream_id, version, event_id, type, data, metadata, \"timestamp\")";

    /// <summary>
    /// Appends a large batch with the same rules as <see cref="AppendAsync(string, long, IReadOnlyList{EventData}, CancellationToken)"/>
    /// (expected version, idempotency by event id, one transaction, notification on commit) but streams the rows
    /// with binary COPY straight into <c>events</c>, numbered after the stream's version, whenever the stream is at
    /// the expected version and the first event's id is not stored yet: the unique index on event ids is then the
    /// idempotency check, at no extra cost. Otherwise, or when some later id turns out to be stored already, the
    /// rows go into a temporary staging table first, from which one INSERT … SELECT skips the ids already stored,
    /// so a retried bulk append writes nothing twice. Every row is stamped with the time of this call.
    /// </summary>
    /// <exception cref="ConcurrencyException">The stream is not at the expected version.</exception>
    public async Task<AppendResult> BulkAppendAsync(string streamId, long expectedVersion, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        ArgumentNullException.ThrowIfNull(events);

        // Encoded chunk by chunk during the first COPY and kept for the staging rerun and the retries.
        using var rows = new BinaryCopyRows(streamId, events, _options.Serializer, _options.Clock.NowMs);

        // Some ids already stored fail the direct COPY on the unique index: the staging rerun skips them.
        return await AppendWithRetryAsync(
            events.Count,
            (connection, rerun, token) => BulkAppendOnceAsync(connection, streamId, expectedVersion, rows, direct: !rerun, token),
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<AppendResult> BulkAppendOnceAsync(NpgsqlConnection connection, string streamId, long expectedVersion, BinaryCopyRows rows, bool direct, CancellationToken cancellationToken)
    {
        var s = _names.Schema;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // Same first step as append_events: lock the stream row, which also gives the transaction its id
        // before any position is allocated. A batch whose first id is stored already (a retried or resumed
        // batch) is going to overlap, so it goes to staging without trying the direct COPY first.
        long version;
        bool firstStored;
        await using (var start = new NpgsqlCommand(
            $"""
            insert into {s}.streams as st (stream_id, version) values ($1, 0)
            on conflict (stream_id) do update set version = st.version
            returning st.version, exists (select 1 from {s}.events e where e.event_id = $2)
            """,
            connection))
        {
            start.Parameters.Add(Parameter(streamId, NpgsqlDbType.Text));
            start.Parameters.Add(Parameter(rows.FirstEventId, NpgsqlDbType.Uuid));
            await using var reader = await start.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            (version, firstStored) = (reader.GetInt64(0), reader.GetBoolean(1));
        }

        long written;
        long lastPosition;
        if (direct && !firstStored && (expectedVersion == ExpectedVersion.Any || expectedVersion == version))
        {
            written = rows.Count;
            lastPosition = 0;
            if (rows.Count > 0)
            {
                await CopyAsync(connection, $"copy {s}.events {CopyColumns} from stdin (format binary)", rows, version + 1, cancellationToken).ConfigureAwait(false);
                lastPosition = (long)(await ScalarAsync(connection, $"select currval('{_names.Sequence}')", cancellationToken).ConfigureAwait(false))!;
            }
        }
        else
        {
            // The staging rows keep whatever versions they were last sent with: only their order counts here.
            await ExecuteAsync(connection, "create temporary table actorarb_staging (stream_id text, version bigint, event_id uuid, type text, data json, metadata json, \"timestamp\" timestamptz) on commit drop", cancellationToken).ConfigureAwait(false);
            await CopyAsync(connection, $"copy actorarb_staging {CopyColumns} from stdin (format binary)", rows, rows.FirstVersion, cancellationToken).ConfigureAwait(false);
            var fresh = (long)(await ScalarAsync(connection, $"select count(*) from actorarb_staging st where not exists (select 1 from {s}.events e where e.event_id = st.event_id)", cancellationToken).ConfigureAwait(false))!;
            if (fresh == 0 && rows.Count > 0)
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
                    insert into {s}.events {CopyColumns}
                    select $1, $2 + row_number() over (order by st.version), st.event_id, st.type, st.data, st.metadata, st."timestamp"
                    from actorarb_staging st
                    where not exists (select 1 from {s}.events e where e.event_id = st.event_id)
                    order by st.version
                    returning position)
                select count(*), coalesce(max(position), 0) from inserted
                """,
                connection);
            insert.Parameters.Add(Parameter(streamId, NpgsqlDbType.Text));
            insert.Parameters.Add(Parameter(version, NpgsqlDbType.Bigint));
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
    /// Runs <paramref name="copy"/> (a COPY … FROM STDIN in binary format) with <paramref name="rows"/> as its data,
    /// row i carrying version <paramref name="firstVersion"/> + i. Rows are whole in every write, so a failure on
    /// this side (a payload that does not serialize, cancellation) ends the COPY with whole rows only, and the
    /// transaction, never committed, takes them back.
    /// </summary>
    private static async Task CopyAsync(NpgsqlConnection connection, string copy, BinaryCopyRows rows, long firstVersion, CancellationToken cancellationToken)
    {
        await using var stream = await connection.BeginRawBinaryCopyAsync(copy, cancellationToken).ConfigureAwait(false);
        await rows.WriteAsync(stream, firstVersion, cancellationToken).ConfigureAwait(false);
    }
}
