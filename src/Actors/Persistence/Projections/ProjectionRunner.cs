using System.Threading.Channels;
using ActorArb.Actors.Persistence.Postgres;
using Npgsql;

namespace ActorArb.Actors.Persistence.Projections;

/// <summary>
/// Keeps one or more <see cref="IProjection"/>s up to date from a <see cref="PostgresEventStore"/>: each follows the
/// log through its own subscription, and the events arriving meanwhile are applied in batches of up to
/// <see cref="BatchSize"/>, one transaction per batch that also moves the projection's checkpoint in
/// <c>projection_checkpoints</c>. A projection resumes from that checkpoint, so a crash or a cancellation at any
/// point loses nothing and applies nothing twice; two runners of the same projection take turns on its checkpoint
/// row and never apply an event twice either. Thread-safe; <see cref="RunAsync"/> and <see cref="CatchUpAsync"/>
/// may be called repeatedly.
/// </summary>
/// <remarks>
/// The store's own subscription checkpoint is saved after each page it delivers, apart from the transaction that
/// writes the rows, so it can run ahead of what this runner committed; the projection's checkpoint is the one that
/// counts. Each subscription therefore uses a subscriber id of its own (<c>projection:&lt;name&gt;:&lt;guid&gt;</c>),
/// which has no store checkpoint, starts from the projection's checkpoint, and is deleted when it ends.
/// </remarks>
public sealed partial class ProjectionRunner
{
    /// <summary>The default largest number of events applied in one transaction.</summary>
    public const int DefaultBatchSize = 1_000;

    private readonly PostgresEventStore _store;
    private readonly IProjection[] _projections;

    /// <summary>Creates a runner of <paramref name="projections"/> over <paramref name="store"/>.</summary>
    /// <exception cref="ArgumentException">No projection is given, two share a name, or the batch size is below 1.</exception>
    public ProjectionRunner(PostgresEventStore store, IEnumerable<IProjection> projections, int batchSize = DefaultBatchSize)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(projections);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _store = store;
        _projections = [.. projections];
        if (_projections.Length == 0)
        {
            throw new ArgumentException("a projection runner needs at least one projection", nameof(projections));
        }

        foreach (var projection in _projections)
        {
            ArgumentNullException.ThrowIfNull(projection, nameof(projections));
            ArgumentException.ThrowIfNullOrEmpty(projection.Name, nameof(projections));
        }

        if (_projections.Select(p => p.Name).Distinct(StringComparer.Ordinal).Count() != _projections.Length)
        {
            throw new ArgumentException("projection names must be unique", nameof(projections));
        }

        BatchSize = batchSize;
    }

    /// <summary>Gets the largest number of events applied in one transaction.</summary>
    public int BatchSize { get; }

    /// <summary>Gets the projections this runner keeps.</summary>
    public IReadOnlyList<IProjection> Projections => _projections;

    /// <summary>
    /// Keeps every projection up to date until <paramref name="cancellationToken"/> is cancelled, then completes
    /// normally. When one projection fails (its code throws, or the database stays unreachable for longer than the
    /// store's <see cref="PostgresEventStoreOptions.TransientRetryBudget"/>) the others are stopped and the task
    /// faults with that failure; running it again resumes from the checkpoints.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RunAllAsync(stopAt: null, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping is the normal end of a run.
        }
    }

    /// <summary>
    /// Applies every event committed before this call to every projection and returns: the read models then
    /// reflect at least the log as it was when the call started.
    /// </summary>
    /// <exception cref="OperationCanceledException">Cancelled first; what was committed stays and is resumed from.</exception>
    public async Task CatchUpAsync(CancellationToken cancellationToken = default)
    {
        var head = await _store.ReadHeadPositionAsync(cancellationToken).ConfigureAwait(false);
        await RunAllAsync(head, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Returns the checkpoint of the projection named <paramref name="name"/>: the last position applied, or 0 when it never ran.</summary>
    public async Task<long> ReadPositionAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        await _store.MigrateAsync(cancellationToken).ConfigureAwait(false);
        return await _store.WithConnectionAsync(
            async (connection, token) => await ProjectionCheckpoints.ReadAsync(connection, _store.Schema, name, token).ConfigureAwait(false) ?? 0,
            cancellationToken).ConfigureAwait(false);
    }

    private async Task RunAllAsync(long? stopAt, CancellationToken cancellationToken)
    {
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await Task.WhenAll(_projections.Select(async projection =>
        {
            try
            {
                await RunOneAsync(projection, stopAt, failed.Token).ConfigureAwait(false);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // One projection's failure stops the others, so the caller is not left waiting on them.
                await failed.CancelAsync().ConfigureAwait(false);
                throw;
            }
        })).ConfigureAwait(false);
    }

    /// <summary>
    /// Follows the log for one projection: a subscription feeds a bounded channel, and this loop drains what has
    /// arrived into batches, so batches are large while catching up and small (but immediate) when live.
    /// </summary>
    private async Task RunOneAsync(IProjection projection, long? stopAt, CancellationToken cancellationToken)
    {
        await _store.MigrateAsync(cancellationToken).ConfigureAwait(false);
        await _store.WithConnectionAsync(
            (connection, token) => ProjectionCheckpoints.EnsureAsync(connection, _store.Schema, projection, token),
            cancellationToken).ConfigureAwait(false);
        var position = await ReadPositionAsync(projection.Name, cancellationToken).ConfigureAwait(false);
        if (position >= stopAt)
        {
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var channel = Channel.CreateBounded<RecordedEvent>(new BoundedChannelOptions(BatchSize * 2) { SingleReader = true, SingleWriter = true });
        var subscriber = $"projection:{projection.Name}:{Guid.NewGuid():N}";
        var feeding = FeedAsync(subscriber, position, channel.Writer, stop.Token);
        try
        {
            var batch = new List<RecordedEvent>(BatchSize);
            while (await channel.Reader.WaitToReadAsync(stop.Token).ConfigureAwait(false))
            {
                while (batch.Count < BatchSize && channel.Reader.TryRead(out var e))
                {
                    batch.Add(e);
                }

                position = await ApplyBatchAsync(projection, batch, stop.Token).ConfigureAwait(false);
                batch.Clear();
                if (position >= stopAt)
                {
                    break;
                }
            }

            // The subscription ends only when stopped, so a channel that completes without error means cancellation.
            stop.Token.ThrowIfCancellationRequested();
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await feeding.ConfigureAwait(false);
            await ForgetSubscriberAsync(subscriber).ConfigureAwait(false);
        }
    }

    /// <summary>Runs the store subscription into <paramref name="writer"/> and completes it with the subscription's end or failure.</summary>
    private async Task FeedAsync(string subscriber, long from, ChannelWriter<RecordedEvent> writer, CancellationToken cancellationToken)
    {
        try
        {
            await _store.SubscribeAsync(subscriber, from, (e, token) => writer.WriteAsync(e, token), cancellationToken).ConfigureAwait(false);
            writer.TryComplete();
        }
        catch (Exception e)
        {
            // Handed to the reading loop, which rethrows it as the projection's failure.
            writer.TryComplete(e);
        }
    }

    /// <summary>Deletes the store checkpoint a finished subscription left; best effort, as a leftover row is harmless.</summary>
    private async Task ForgetSubscriberAsync(string subscriber)
    {
        try
        {
            await _store.DeleteCheckpointAsync(subscriber, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException || TransientRetry.IsTransient(e))
        {
            // The database is unreachable; the row only names a subscription that no longer runs.
        }
    }
}
