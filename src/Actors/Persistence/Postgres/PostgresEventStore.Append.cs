using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace ActorArb.Actors.Persistence.Postgres;

/// <summary>Appends: one round trip to the schema's <c>append_events</c> function per append.</summary>
public sealed partial class PostgresEventStore
{
    /// <summary>The SQLSTATE <c>append_events</c> raises on a version conflict, with the actual version as its message.</summary>
    private const string ConcurrencyState = "AA409";

    /// <inheritdoc />
    /// <remarks>
    /// One transaction per append, committed before this returns; subscribers are notified on commit. A
    /// transient failure is retried for <see cref="PostgresEventStoreOptions.TransientRetryBudget"/>: when the
    /// failed attempt had in fact committed, the retry finds every id present and writes nothing.
    /// </remarks>
    public async ValueTask<AppendResult> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        ArgumentNullException.ThrowIfNull(events);
        var encoded = Encode(events);
        await MigrateAsync(cancellationToken).ConfigureAwait(false);
        return await TransientRetry.RunAsync(
            _dataSource,
            _options.TransientRetryBudget,
            async (retried, token) =>
            {
                await using var connection = await _dataSource.OpenConnectionAsync(token).ConfigureAwait(false);
                AppendResult result;
                try
                {
                    result = await AppendCoreAsync(connection, streamId, expectedVersion, encoded, token).ConfigureAwait(false);
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "events_event_id_key")
                {
                    // A concurrent append wrote one of these ids (to another stream) between the check and the
                    // insert; run again, and the check sees it.
                    result = await AppendCoreAsync(connection, streamId, expectedVersion, encoded, token).ConfigureAwait(false);
                }

                // After a lost acknowledgement the retry finds everything written by the attempt that failed:
                // those events were written by this call, so report them.
                return retried && result.Written == 0 && events.Count > 0 ? result with { Written = events.Count } : result;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Appends within the caller's <paramref name="connection"/> and its current transaction, if any, so events
    /// can be written atomically with other rows (a read model, an outbox). Nothing is retried here: the
    /// transaction is the caller's, and so are its commit and the notification that comes with it.
    /// </summary>
    /// <exception cref="ConcurrencyException">The stream is not at the expected version.</exception>
    public async ValueTask<AppendResult> AppendAsync(NpgsqlConnection connection, string streamId, long expectedVersion, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        ArgumentNullException.ThrowIfNull(events);
        await MigrateAsync(cancellationToken).ConfigureAwait(false);
        return await AppendCoreAsync(connection, streamId, expectedVersion, Encode(events), cancellationToken).ConfigureAwait(false);
    }

    private async Task<AppendResult> AppendCoreAsync(NpgsqlConnection connection, string streamId, long expectedVersion, EncodedEvents events, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"select stream_version, last_position, written from {_names.Schema}.append_events($1, $2, $3, $4, $5, $6, $7)",
            connection);
        command.Parameters.Add(Parameter(streamId, NpgsqlDbType.Text));
        command.Parameters.Add(Parameter(expectedVersion, NpgsqlDbType.Bigint));
        command.Parameters.Add(Parameter(events.Ids, NpgsqlDbType.Array | NpgsqlDbType.Uuid));
        command.Parameters.Add(Parameter(events.Types, NpgsqlDbType.Array | NpgsqlDbType.Text));
        command.Parameters.Add(Parameter(events.Data, NpgsqlDbType.Array | NpgsqlDbType.Jsonb));
        command.Parameters.Add(Parameter(events.Metadata, NpgsqlDbType.Array | NpgsqlDbType.Jsonb));
        command.Parameters.Add(Parameter(ToUtc(_options.Clock.NowMs), NpgsqlDbType.TimestampTz));
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            return new AppendResult(reader.GetInt64(0), reader.IsDBNull(1) ? 0 : reader.GetInt64(1), reader.GetInt32(2));
        }
        catch (PostgresException e) when (e.SqlState == ConcurrencyState)
        {
            throw new ConcurrencyException(streamId, expectedVersion, long.Parse(e.MessageText, CultureInfo.InvariantCulture));
        }
    }

    private EncodedEvents Encode(IReadOnlyList<EventData> events)
    {
        var serializer = _options.Serializer;
        var encoded = new EncodedEvents(new Guid[events.Count], new string[events.Count], new string[events.Count], new string[events.Count]);
        EventMetadata? lastMetadata = null;
        var lastMetadataJson = "";
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i] ?? throw new ArgumentException($"event {i} is null", nameof(events));
            encoded.Ids[i] = e.EventId;
            encoded.Types[i] = e.Type;
            encoded.Data[i] = serializer.Serialize(e.Payload);

            // Writers pass one metadata instance for a whole batch; encode it once.
            if (!ReferenceEquals(e.Metadata, lastMetadata))
            {
                lastMetadata = e.Metadata;
                lastMetadataJson = serializer.SerializeMetadata(e.Metadata);
            }

            encoded.Metadata[i] = lastMetadataJson;
        }

        return encoded;
    }

    /// <summary>A batch of events as the columns the database takes.</summary>
    private sealed record EncodedEvents(Guid[] Ids, string[] Types, string[] Data, string[] Metadata);
}
