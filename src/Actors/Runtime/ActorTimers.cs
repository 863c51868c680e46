using ActorArb.Actors.Runtime.Dispatch;

namespace ActorArb.Actors.Runtime;

/// <summary>
/// One actor's timers. A firing timer tells the actor a <see cref="TimerFired"/> that carries its entry; the actor
/// delivers the payload only if that entry is still the active one for its key, which is what makes a cancelled or
/// replaced timer silent even when its message is already queued.
/// </summary>
internal sealed class ActorTimers(ActorCell cell) : ITimerScheduler
{
    private readonly Dictionary<object, TimerEntry> _entries = [];

    public void StartSingleTimer(object key, object message, TimeSpan delay) => Start(key, message, delay, periodic: false);

    public void StartPeriodicTimer(object key, object message, TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        Start(key, message, interval, periodic: true);
    }

    public void Cancel(object key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_entries.Remove(key, out var entry))
        {
            entry.Cancel();
        }
    }

    public bool IsTimerActive(object key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _entries.ContainsKey(key);
    }

    public void CancelAll()
    {
        foreach (var entry in _entries.Values)
        {
            entry.Cancel();
        }

        _entries.Clear();
    }

    /// <summary>Returns the payload of <paramref name="fired"/> if its timer is still active, else null.</summary>
    public object? Accept(TimerFired fired)
    {
        var entry = fired.Entry;
        if (!_entries.TryGetValue(entry.Key, out var current) || !ReferenceEquals(current, entry))
        {
            return null;
        }

        if (!entry.Periodic)
        {
            _entries.Remove(entry.Key);
        }

        return entry.Message;
    }

    private void Start(object key, object message, TimeSpan delay, bool periodic)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(message);
        Cancel(key);
        var entry = new TimerEntry(cell, cell.System.SchedulerCore, key, message, periodic, Delays.ToDelayMs(delay));
        _entries.Add(key, entry);
        entry.Arm();
    }
}

/// <summary>One started timer. <see cref="Fire"/> may run on a timer thread; everything else on the actor's.</summary>
internal sealed class TimerEntry
{
    private readonly ActorCell _cell;
    private readonly IInternalScheduler _scheduler;
    private readonly long _delayMs;
    private readonly TimerFired _fired;
    private volatile IDisposable? _handle;
    private volatile bool _cancelled;

    public TimerEntry(ActorCell cell, IInternalScheduler scheduler, object key, object message, bool periodic, long delayMs)
    {
        _cell = cell;
        _scheduler = scheduler;
        Key = key;
        Message = message;
        Periodic = periodic;
        _delayMs = delayMs;
        _fired = new TimerFired(this);
    }

    public object Key { get; }

    public object Message { get; }

    public bool Periodic { get; }

    public void Arm()
    {
        var handle = _scheduler.Schedule(_delayMs, static s => ((TimerEntry)s).Fire(), this);
        _handle = handle;
        if (_cancelled)
        {
            handle.Dispose();
        }
    }

    public void Cancel()
    {
        _cancelled = true;
        _handle?.Dispose();
    }

    private void Fire()
    {
        if (_cancelled)
        {
            return;
        }

        _cell.Tell(_fired, _cell);
        if (Periodic)
        {
            Arm();
        }
    }
}

/// <summary>The message a timer tells its actor; the actor unwraps it to the timer's payload.</summary>
internal sealed class TimerFired(TimerEntry entry)
{
    public TimerEntry Entry { get; } = entry;
}
