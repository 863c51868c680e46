namespace ActorArb.Actors.Persistence.Projections;

/// <summary>Batches: one transaction applies the events and moves the checkpoint, retried through transient failures.</summary>
public sealed partial class ProjectionRunner
{
    /// <summary>
    /// Applies <paramref name="batch"/> to <paramref name="projection"/> and moves its checkpoint to the batch's last
    /// position, in one transaction, and returns the checkpoint after it. The checkpoint row is locked first and the
    /// events at or before it are left out, so a retry after a lost commit acknowledgement, a redelivered event, or a
    /// second runner of the same projection never applies an event twice.
    /// </summary>
    private Task<long> ApplyBatchAsync(IProjection projection, List<RecordedEvent> batch, CancellationToken cancellationToken) =>
        _store.WithConnectionAsync(
            async (connection, token) =>
            {
                var schema = _store.Schema;
                await using var transaction = await connection.BeginTransactionAsync(token).ConfigureAwait(false);
                var done = await ProjectionCheckpoints.LockAsync(connection, schema, projection.Name, token).ConfigureAwait(false);
                var fresh = batch[0].Position > done ? batch : batch.FindAll(e => e.Position > done);
                if (fresh.Count == 0)
                {
                    return done;
                }

                await projection.ApplyAsync(connection, schema, fresh, token).ConfigureAwait(false);
                var last = fresh[^1].Position;
                await ProjectionCheckpoints.SaveAsync(connection, schema, projection.Name, last, token).ConfigureAwait(false);
                await transaction.CommitAsync(token).ConfigureAwait(false);
                return last;
            },
            cancellationToken);
}
