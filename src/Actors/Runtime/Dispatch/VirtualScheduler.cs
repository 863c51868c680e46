using ActorArb.Domain.Time;

namespace ActorArb.Actors.Runtime.Dispatch;

/// <summary>
/// The deterministic scheduler: callbacks wait in a priority queue ordered by (due time, scheduling order) and run
/// only when the <see cref="DeterministicDispatcher"/> advances the <see cref="ManualClock"/> past their due time.
/// </summary>
internal sealed class VirtualScheduler(ManualClock clock) : IInternalScheduler
{
    private readonly PriorityQueue<Item, (long DueMs, long Sequence)> _queue = new();
    private long _sequence;

    public long NowMs => clock.NowMs;

    public IDisposable Schedule(long delayMs, Action<object> callback, object state)
    {
        var item = new Item(callback, state);
        _queue.Enqueue(item, (clock.NowMs + Math.Max(0, delayMs), _sequence++));
        return item;
    }

    public IDisposable ScheduleTellOnce(TimeSpan delay, IActorRef receiver, object message, IActorRef? sender) =>
        Delays.ScheduleTell(this, delay, receiver, message, sender);

    public void Shutdown()
    {
        while (_queue.TryDequeue(out var item, out _))
        {
            item.Dispose();
        }
    }

    /// <summary>Takes the earliest live callback due at or before <paramref name="limitMs"/>, skipping cancelled ones.</summary>
    public bool TryTakeDue(long limitMs, out Item item, out long dueMs)
    {
        while (_queue.TryPeek(out var next, out var priority) && priority.DueMs <= limitMs)
        {
            _queue.Dequeue();
            if (!next.IsCancelled)
            {
                item = next;
                dueMs = priority.DueMs;
                return true;
            }
        }

        item = null!;
        dueMs = 0;
        return false;
    }

    /// <summary>Gets the due time of the earliest callback that has not been cancelled, if any.</summary>
    public bool TryPeekDue(out long dueMs)
    {
        while (_queue.TryPeek(out var next, out var priority))
        {
            if (!next.IsCancelled)
            {
                dueMs = priority.DueMs;
                return true;
            }

            _queue.Dequeue();
        }

        dueMs = 0;
        return false;
    }

    internal sealed class Item(Action<object> callback, object state) : IDisposable
    {
        public bool IsCancelled { get; private set; }

        public void Fire()
        {
            if (!IsCancelled)
            {
                IsCancelled = true;
                callback(state);
            }
        }

        public void Dispose() => IsCancelled = true;
    }
}
