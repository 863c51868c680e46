using System.Globalization;
using ActorArb.Actors.Persistence.Serialization;
using Npgsql;
using NpgsqlTypes;
using static ActorArb.Actors.Persistence.Postgres.PostgresSql;

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
        return await AppendWithRetryAsync(
            events.Count,
            (connection, _, token) => AppendCoreAsync(connection, streamId, expectedVersion, encoded, token),
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
        var encoded = Encode(events);
        await MigrateAsync(cancellationToken).ConfigureAwait(false);
        return await AppendCoreAsync(connection, streamId, expectedVersion, encoded, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs an append of <paramref name="count"/> events through transient failures. Each call of
    /// <paramref name="attempt"/> gets a fresh connection; when one fails because another append stored one of the
    /// event ids meanwhile, it is called once more with <c>rerun</c> set, and that call's result stands.
    /// </summary>
    private async Task<AppendResult> AppendWithRetryAsync(
        int count,
        Func<NpgsqlConnection, bool, CancellationToken, Task<AppendResult>> attempt,
        CancellationToken cancellationToken)
    {
        await MigrateAsync(cancellationToken).ConfigureAwait(false);
        return await TransientRetry.RunAsync(
            _dataSource,
            _options.TransientRetryBudget,
            async (retried, token) =>
            {
                AppendResult result;
                try
                {
                    result = await OnFreshConnectionAsync(rerun: false, token).ConfigureAwait(false);
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "events_event_id_key")
                {
                    // A concurrent append wrote one of these ids (to another stream) after this one looked; run
                    // again, and the ids already stored are skipped.
                    result = await OnFreshConnectionAsync(rerun: true, token).ConfigureAwait(false);
                }

                // After a lost acknowledgement the retry finds everything written by the attempt that failed:
                // those events were written by this call, so report them.
                return retried && result.Written == 0 && count > 0 ? result with { Written = count } : result;
            },
            cancellationToken).ConfigureAwait(false);

        async Task<AppendResult> OnFreshConnectionAsync(bool rerun, CancellationToken token)
        {
            await using var connection = await _dataSource.OpenConnectionAsync(token).ConfigureAwait(false);
            return await attempt(connection, rerun, token).ConfigureAwait(false);
        }
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
        command.Parameters.Add(Parameter(events.Data, NpgsqlDbType.Array | NpgsqlDbType.Json));
        command.Parameters.Add(Parameter(events.Metadata, NpgsqlDbType.Array | NpgsqlDbType.Json));
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

    private EncodedEvents Encode(IReadOnlyList<EventData> events) => new(events, _options.Serializer);

    /// <summary>
    /// A batch of events as the columns the database takes, encoded once (rejecting a null event), so an append
    /// encodes each event once however many attempts it takes.
    /// </summary>
    private sealed class EncodedEvents
    {
        public EncodedEvents(IReadOnlyList<EventData> events, EventSerializer serializer)
        {
            Ids = new Guid[events.Count];
            Types = new string[events.Count];
            Data = new string[events.Count];
            Metadata = new string[events.Count];
            EventMetadata? lastMetadata = null;
            var lastMetadataJson = "";
            for (var i = 0; i < events.Count; i++)
            {
                var e = events[i] ?? throw new ArgumentException($"event {i} is null", nameof(events));
                Ids[i] = e.EventId;
                Types[i] = e.Type;
                Data[i] = serializer.Serialize(e.Payload);

                // Writers pass one metadata instance for a whole batch; encode it once.
                if (!ReferenceEquals(e.Metadata, lastMetadata))
                {
                    lastMetadata = e.Metadata;
                    lastMetadataJson = serializer.SerializeMetadata(e.Metadata);
                }

                Metadata[i] = lastMetadataJson;
            }
        }

        public Guid[] Ids { get; }

        public string[] Types { get; }

        /// <summary>Gets the payloads as JSON.</summary>
        public string[] Data { get; }

        /// <summary>Gets the metadata as JSON.</summary>
        public string[] Metadata { get; }
    }
}
