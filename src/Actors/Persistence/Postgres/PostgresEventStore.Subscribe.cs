using Npgsql;
using NpgsqlTypes;
using static ActorArb.Actors.Persistence.Postgres.PostgresSql;

namespace ActorArb.Actors.Persistence.Postgres;

/// <summary>Subscriptions: LISTEN/NOTIFY wake-ups, catch-up reads up to the safe position, durable checkpoints.</summary>
public sealed partial class PostgresEventStore
{
    /// <summary>How soon a subscription looks again while a reading waits for open transactions.</summary>
    private static readonly TimeSpan PendingRecheck = TimeSpan.FromMilliseconds(5);

    /// <summary>
    /// Delivers every event to <paramref name="handler"/> in position order, starting after the subscriber's
    /// checkpoint (or from the beginning when it has none), until <paramref name="cancellationToken"/> is
    /// cancelled. See <see cref="SubscribeAsync(string, long, Func{RecordedEvent, CancellationToken, ValueTask}, CancellationToken)"/>.
    /// </summary>
    public Task SubscribeAsync(string subscriberId, Func<RecordedEvent, CancellationToken, ValueTask> handler, CancellationToken cancellationToken = default) =>
        SubscribeAsync(subscriberId, 0, handler, cancellationToken);

    /// <summary>
    /// Delivers every event to <paramref name="handler"/>, one at a time, in position order, starting after the
    /// subscriber's durable checkpoint, or after <paramref name="fromPosition"/> when it has none. Events are
    /// delivered only up to the safe position (see <c>SafePositionTracker</c>), so one committed late with a
    /// lower position is never skipped. The checkpoint is saved after each page of handled events and when the
    /// subscription stops, so a subscriber stopped by cancellation resumes exactly after its last handled
    /// event; after a crash it sees again at most the events of the page it was handling. Transient failures
    /// reconnect with backoff. The task completes when cancelled and faults when the handler throws (after
    /// saving the checkpoint of the events handled before).
    /// </summary>
    /// <remarks>
    /// The safe position: each reading takes the position sequence's last value and then a transaction id of its
    /// own (the fence). Appends take their transaction id before they allocate positions, so every position up
    /// to that value belongs to a transaction older than the fence; once no transaction older than the fence is
    /// running (the snapshot's xmin has passed it), those positions are final and are delivered. A slow writer
    /// holds delivery back rather than being skipped, and so does any transaction in the cluster that was
    /// writing when the fence was taken. Needs the primary (a reading takes a transaction id).
    /// </remarks>
    public async Task SubscribeAsync(string subscriberId, long fromPosition, Func<RecordedEvent, CancellationToken, ValueTask> handler, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(subscriberId);
        ArgumentNullException.ThrowIfNull(handler);
        long cursor;
        try
        {
            await MigrateAsync(cancellationToken).ConfigureAwait(false);
            cursor = await ReadCheckpointAsync(subscriberId, cancellationToken).ConfigureAwait(false) ?? fromPosition;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }

        var saved = cursor;
        var backoff = TimeSpan.Zero;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                try
                {
                    await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                    var notified = new NotificationFlag();
                    connection.Notification += (_, _) => Volatile.Write(ref notified.Value, 1);
                    await using (var listen = new NpgsqlCommand($"listen {_names.Channel}", connection))
                    {
                        await listen.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }

                    var tracker = new SafePositionTracker();
                    while (true)
                    {
                        var (allocated, fence, oldestRunning) = await ReadWatermarkAsync(connection, Math.Max(cursor, tracker.Covered), cancellationToken).ConfigureAwait(false);
                        var safe = tracker.Observe(allocated, fence, oldestRunning);
                        while (safe > cursor)
                        {
                            var page = await ReadRangeAsync(connection, cursor, safe, cancellationToken).ConfigureAwait(false);
                            foreach (var e in page)
                            {
                                cancellationToken.ThrowIfCancellationRequested();
                                await handler(e, cancellationToken).ConfigureAwait(false);
                                cursor = e.Position;
                            }

                            // A short page read everything up to the safe position; the positions left are gaps
                            // of rolled-back transactions, which never fill.
                            if (page.Count < _options.ReadPageSize)
                            {
                                cursor = safe;
                            }

                            await SaveCheckpointAsync(connection, subscriberId, cursor, cancellationToken).ConfigureAwait(false);
                            saved = cursor;
                        }

                        backoff = TimeSpan.Zero;
                        if (Interlocked.Exchange(ref notified.Value, 0) == 0)
                        {
                            await connection.WaitAsync(tracker.HasPending ? PendingRecheck : _options.SubscriptionPollInterval, cancellationToken).ConfigureAwait(false);
                            Interlocked.Exchange(ref notified.Value, 0);
                        }
                    }
                }
                catch (Exception e) when (TransientRetry.IsTransient(e) && !cancellationToken.IsCancellationRequested)
                {
                    _dataSource.Clear();
                    backoff = TransientRetry.Next(backoff);
                    await Task.Delay(TransientRetry.Jitter(backoff), cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping is the normal end of a subscription.
        }
        finally
        {
            if (cursor != saved)
            {
                var handled = cursor;
                await WithConnectionAsync((connection, token) => SaveCheckpointAsync(connection, subscriberId, handled, token), CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Returns the durable checkpoint of <paramref name="subscriberId"/>: the last position it handled, or null.</summary>
    public async Task<long?> ReadCheckpointAsync(string subscriberId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(subscriberId);
        await MigrateAsync(cancellationToken).ConfigureAwait(false);
        return await WithConnectionAsync(
            async (connection, token) => await ScalarAsync(
                connection,
                $"select position from {_names.Schema}.checkpoints where subscriber = $1",
                token,
                Parameter(subscriberId, NpgsqlDbType.Text)).ConfigureAwait(false) as long?,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Deletes the durable checkpoint of <paramref name="subscriberId"/>, once, without retrying: for subscribers
    /// whose ids are not reused, whose leftover row would only take space.
    /// </summary>
    internal async Task DeleteCheckpointAsync(string subscriberId, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(
            connection,
            $"delete from {_names.Schema}.checkpoints where subscriber = $1",
            cancellationToken,
            Parameter(subscriberId, NpgsqlDbType.Text)).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads the position sequence's last value, then (only when it is beyond <paramref name="covered"/>) takes a
    /// transaction id as the fence, and the xmin of the statement's snapshot. The sequence row is scanned before
    /// the select list runs, which is the order the safe-position argument needs.
    /// </summary>
    private async Task<(long Allocated, long? Fence, long OldestRunning)> ReadWatermarkAsync(NpgsqlConnection connection, long covered, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"""
            select s.allocated,
                   case when s.allocated > $1 then pg_current_xact_id()::text::bigint end,
                   pg_snapshot_xmin(pg_current_snapshot())::text::bigint
            from (select case when is_called then last_value else 0 end as allocated from {_names.Sequence}) as s
            """,
            connection);
        command.Parameters.Add(Parameter(covered, NpgsqlDbType.Bigint));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return (reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.GetInt64(2));
    }

    private async Task<List<RecordedEvent>> ReadRangeAsync(NpgsqlConnection connection, long after, long upTo, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"select {EventColumns} from {_names.Schema}.events where position > $1 and position <= $2 order by position limit $3",
            connection);
        command.Parameters.Add(Parameter(after, NpgsqlDbType.Bigint));
        command.Parameters.Add(Parameter(upTo, NpgsqlDbType.Bigint));
        command.Parameters.Add(Parameter(_options.ReadPageSize, NpgsqlDbType.Integer));
        return await ReadEventsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    private Task SaveCheckpointAsync(NpgsqlConnection connection, string subscriberId, long position, CancellationToken cancellationToken) =>
        ExecuteAsync(
            connection,
            $"insert into {_names.Schema}.checkpoints (subscriber, position, updated_at) values ($1, $2, now()) on conflict (subscriber) do update set position = excluded.position, updated_at = excluded.updated_at",
            cancellationToken,
            Parameter(subscriberId, NpgsqlDbType.Text),
            Parameter(position, NpgsqlDbType.Bigint));

    /// <summary>A flag the notification handler sets from Npgsql's reading thread.</summary>
    private sealed class NotificationFlag
    {
        public int Value;
    }
}
