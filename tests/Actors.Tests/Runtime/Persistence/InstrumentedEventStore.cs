using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ActorArb.Actors.Persistence;

namespace ActorArb.Actors.Tests.Runtime.Persistence;

/// <summary>
/// Wraps a store for the specs: records each append's batch size, can hold appends or stream reads until released
/// (so they are in flight as long as a test needs), can make stream reads fail, and can wait for the appends still in
/// flight. Unheld calls pass straight through, so a synchronous store stays synchronous.
/// </summary>
internal sealed class InstrumentedEventStore(IEventStore inner) : IEventStore
{
    private readonly ConcurrentQueue<int> _batches = new();
    private readonly ConcurrentDictionary<Task, byte> _inFlight = new();
    private TaskCompletionSource? _appendGate;
    private TaskCompletionSource _appendHeld = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource? _readGate;
    private TaskCompletionSource _readHeld = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Exception? _readFailure;

    /// <summary>Gets the store being wrapped.</summary>
    public IEventStore Inner => inner;

    /// <summary>Gets the size of each append so far, in call order.</summary>
    public IReadOnlyList<int> Batches => [.. _batches];

    /// <summary>Forgets the batches recorded so far.</summary>
    public void ClearBatches() => _batches.Clear();

    /// <summary>Gets a task that completes once an append is waiting at the gate <see cref="HoldAppends"/> set.</summary>
    public Task AppendHeld => _appendHeld.Task;

    /// <summary>Makes appends wait until <see cref="ReleaseAppends"/>.</summary>
    public void HoldAppends()
    {
        _appendHeld = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _appendGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Lets the held appends (and later ones) through.</summary>
    public void ReleaseAppends() => Interlocked.Exchange(ref _appendGate, null)?.SetResult();

    /// <summary>Gets a task that completes once a stream read is waiting at the gate <see cref="HoldReads"/> set.</summary>
    public Task ReadHeld => _readHeld.Task;

    /// <summary>Makes stream reads wait until <see cref="ReleaseReads"/>.</summary>
    public void HoldReads()
    {
        _readHeld = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _readGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Lets the held stream reads (and later ones) through.</summary>
    public void ReleaseReads() => Interlocked.Exchange(ref _readGate, null)?.SetResult();

    /// <summary>Makes every later stream read fail with <paramref name="failure"/>.</summary>
    public void FailReadsWith(Exception failure) => _readFailure = failure;

    /// <summary>Returns a task that completes when every append in flight now has completed, whatever its outcome.</summary>
    public Task WhenAppendsDoneAsync() => Task.WhenAll(_inFlight.Keys.Select(t => t.ContinueWith(static _ => { }, TaskScheduler.Default)));

    /// <inheritdoc />
    public ValueTask<AppendResult> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default)
    {
        _batches.Enqueue(events.Count);
        var gate = Volatile.Read(ref _appendGate);
        var pending = gate is null
            ? inner.AppendAsync(streamId, expectedVersion, events, cancellationToken)
            : AppendAfterAsync(gate.Task, streamId, expectedVersion, events, cancellationToken);
        if (pending.IsCompleted)
        {
            return pending;
        }

        var task = pending.AsTask();
        _inFlight.TryAdd(task, 0);
        task.ContinueWith(t => _inFlight.TryRemove(t, out _), TaskScheduler.Default);
        return new ValueTask<AppendResult>(task);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<RecordedEvent> ReadStreamAsync(string streamId, long afterVersion = 0, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _readGate) is { } gate)
        {
            _readHeld.TrySetResult();
            await gate.Task.ConfigureAwait(false);
        }

        if (_readFailure is { } failure)
        {
            throw failure;
        }

        await foreach (var e in inner.ReadStreamAsync(streamId, afterVersion, cancellationToken).ConfigureAwait(false))
        {
            yield return e;
        }
    }

    /// <inheritdoc />
    public IAsyncEnumerable<RecordedEvent> ReadAllAsync(long afterPosition = 0, CancellationToken cancellationToken = default) =>
        inner.ReadAllAsync(afterPosition, cancellationToken);

    private async ValueTask<AppendResult> AppendAfterAsync(Task gate, string streamId, long expectedVersion, IReadOnlyList<EventData> events, CancellationToken cancellationToken)
    {
        _appendHeld.TrySetResult();
        await gate.ConfigureAwait(false);
        return await inner.AppendAsync(streamId, expectedVersion, events, cancellationToken).ConfigureAwait(false);
    }
}
