using ActorArb.Domain.Time;

namespace ActorArb.Actors.Runtime.Dispatch;

/// <summary>
/// The wall-time scheduler: one <see cref="Timer"/> per pending callback. Pending items are kept in a set because an
/// unreferenced <see cref="Timer"/> may be collected before it fires.
/// </summary>
internal sealed class LiveScheduler(IClock clock, Action<Exception> onError) : IInternalScheduler
{
    private readonly HashSet<Item> _pending = [];
    private readonly Lock _lock = new();
    private bool _shutdown;

    public long NowMs => clock.NowMs;

    public IDisposable Schedule(long delayMs, Action<object> callback, object state)
    {
        var item = new Item(this, callback, state);
        lock (_lock)
        {
            if (_shutdown)
            {
                return item;
            }

            _pending.Add(item);
        }

        item.Start(Math.Max(0, delayMs));
        return item;
    }

    public IDisposable ScheduleTellOnce(TimeSpan delay, IActorRef receiver, object message, IActorRef? sender) =>
        Delays.ScheduleTell(this, delay, receiver, message, sender);

    public void Shutdown()
    {
        Item[] pending;
        lock (_lock)
        {
            _shutdown = true;
            pending = [.. _pending];
            _pending.Clear();
        }

        foreach (var item in pending)
        {
            item.Dispose();
        }
    }

    private void Remove(Item item)
    {
        lock (_lock)
        {
            _pending.Remove(item);
        }
    }

    private sealed class Item(LiveScheduler owner, Action<object> callback, object state) : IDisposable
    {
        private Timer? _timer;
        private int _done;

        public void Start(long delayMs) =>
            _timer = new Timer(static s => ((Item)s!).Fire(), this, delayMs, Timeout.Infinite);

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                owner.Remove(this);
                _timer?.Dispose();
            }
        }

        private void Fire()
        {
            if (Interlocked.Exchange(ref _done, 1) != 0)
            {
                return;
            }

            owner.Remove(this);
            _timer?.Dispose();
            try
            {
                callback(state);
            }
#pragma warning disable CA1031 // A timer thread has no caller to rethrow to: report it on the event stream instead of crashing the process.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                owner.ReportError(ex);
            }
        }
    }

    private void ReportError(Exception ex) => onError(ex);
}
