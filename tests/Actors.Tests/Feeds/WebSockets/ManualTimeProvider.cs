namespace ActorArb.Actors.Tests.Feeds.WebSockets;

/// <summary>
/// A <see cref="TimeProvider"/> that moves only when a test calls <see cref="Advance"/>, firing due timers in due
/// order (including timers that callbacks create or re-arm on the way) with the clock set to each timer's due time.
/// </summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly Lock _lock = new();
    private readonly List<ManualTimer> _timers = [];
    private long _nowTicks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Volatile.Read(ref _nowTicks);

    public override DateTimeOffset GetUtcNow() => Epoch.AddTicks(GetTimestamp());

    /// <summary>Gets the number of timers that are armed.</summary>
    public int ArmedTimers
    {
        get
        {
            lock (_lock)
            {
                return _timers.Count(t => t.DueTicks is not null);
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        lock (_lock)
        {
            _timers.Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock forward by <paramref name="by"/>, firing every timer that falls due.</summary>
    public void Advance(TimeSpan by)
    {
        long target;
        lock (_lock)
        {
            target = _nowTicks + by.Ticks;
        }

        while (true)
        {
            ManualTimer? next;
            lock (_lock)
            {
                next = _timers.Where(t => t.DueTicks <= target).MinBy(t => t.DueTicks);
                if (next is null)
                {
                    Volatile.Write(ref _nowTicks, target);
                    return;
                }

                Volatile.Write(ref _nowTicks, Math.Max(_nowTicks, next.DueTicks!.Value));
                next.DueTicks = next.PeriodTicks > 0 ? _nowTicks + next.PeriodTicks : null;
            }

            next.Fire();
        }
    }

    /// <summary>Waits (in real time, up to 5 s) until exactly <paramref name="count"/> timers are armed.</summary>
    public async Task WaitForArmedTimersAsync(int count)
    {
        for (var waited = 0; ArmedTimers != count; waited += 5)
        {
            if (waited > 5000)
            {
                throw new TimeoutException($"Expected {count} armed timers, have {ArmedTimers}.");
            }

            await Task.Delay(5);
        }
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public long? DueTicks { get; set; }

        public long PeriodTicks { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._lock)
            {
                DueTicks = dueTime == Timeout.InfiniteTimeSpan ? null : owner._nowTicks + dueTime.Ticks;
                PeriodTicks = period == Timeout.InfiniteTimeSpan ? 0 : period.Ticks;
                return true;
            }
        }

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (owner._lock)
            {
                DueTicks = null;
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
