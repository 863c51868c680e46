namespace ActorArb.Actors.Tests.Feeds.Rest;

/// <summary>
/// A <see cref="TimeProvider"/> that moves only when a spec calls <see cref="Advance"/>, firing the timers that fall
/// due in due order, and that remembers the due time of every timer armed, so a spec can wait (in real time) until the
/// code under test has started a particular wait before moving the clock.
/// </summary>
internal sealed class StepClock : TimeProvider
{
    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly Lock _gate = new();
    private readonly List<Timer> _timers = [];
    private readonly List<TimeSpan> _armed = [];
    private long _now;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>Gets the time since the clock started.</summary>
    public TimeSpan Elapsed => TimeSpan.FromTicks(GetTimestamp());

    /// <summary>Gets every wait armed so far, in order.</summary>
    public IReadOnlyList<TimeSpan> Armed
    {
        get
        {
            lock (_gate)
            {
                return [.. _armed];
            }
        }
    }

    public override long GetTimestamp() => Interlocked.Read(ref _now);

    public override DateTimeOffset GetUtcNow() => Epoch.AddTicks(GetTimestamp());

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new Timer(this, callback, state);
        lock (_gate)
        {
            _timers.Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock forward, firing every timer that falls due on the way with the clock at its due time.</summary>
    public void Advance(TimeSpan by)
    {
        var target = GetTimestamp() + by.Ticks;
        while (true)
        {
            Timer? next;
            lock (_gate)
            {
                next = _timers.Where(t => t.Due <= target).MinBy(t => t.Due);
                if (next is null)
                {
                    Interlocked.Exchange(ref _now, target);
                    return;
                }

                Interlocked.Exchange(ref _now, Math.Max(_now, next.Due!.Value));
                next.Due = null;
            }

            next.Fire();
        }
    }

    /// <summary>Waits (up to 5 s of real time) until <paramref name="count"/> waits of <paramref name="wait"/> have been armed.</summary>
    public async Task WaitForArmedAsync(TimeSpan wait, int count = 1)
    {
        for (var waited = 0; Armed.Count(a => a == wait) < count; waited += 5)
        {
            if (waited > 5_000)
            {
                throw new TimeoutException($"no {count}×{wait} wait was armed; armed: {string.Join(", ", Armed)}");
            }

            await Task.Delay(5);
        }
    }

    private sealed class Timer(StepClock owner, TimerCallback callback, object? state) : ITimer
    {
        public long? Due { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._gate)
            {
                Due = dueTime == Timeout.InfiniteTimeSpan ? null : owner._now + dueTime.Ticks;
                if (Due is not null)
                {
                    owner._armed.Add(dueTime);
                }

                return true;
            }
        }

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (owner._gate)
            {
                Due = null;
                owner._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
