using System.Runtime.InteropServices;
using ActorArb.Domain.Market;

namespace ActorArb.Simulator.Market;

/// <summary>
/// The simulated market's clock: publishes every feed's ticks, merged in time order (ties go to the feed listed
/// first), at a steady rate, at a multiple of the ticks' own time line, or as fast as the connections read, whether or
/// not anyone is connected. Pausing stops the clock; <see cref="Step"/> publishes by hand while paused.
/// </summary>
internal sealed class Playback : IDisposable
{
    private const int MaxPerTurn = 65_536;
    private const int FastBatch = 4_096;

    /// <summary>As fast as possible, publishing waits while any subscriber has more batches than this waiting (64k trades).</summary>
    private const int FastBacklog = 16;

    private static readonly TimeSpan MinWait = TimeSpan.FromMilliseconds(1);
    private static readonly TimeSpan MaxWait = TimeSpan.FromMilliseconds(200);

    private readonly Lock gate = new();
    private readonly FeedCursor[] cursors;
    private readonly TimeProvider time;
    private readonly double? rate;
    private readonly double? speed;
    private readonly Action<long> advanceMarketTime;
    private readonly List<TradeTick> run = [];
    private readonly TaskCompletionSource done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource resumed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool paused;
    private long runningSince;
    private TimeSpan activeBefore;
    private long clockPublished;
    private long? firstTimeMs;

    public Playback(FeedCursor[] cursors, SimulatorOptions options, Action<long> advanceMarketTime)
    {
        this.cursors = cursors;
        this.advanceMarketTime = advanceMarketTime;
        time = options.Time;
        rate = options.TicksPerSecond;
        speed = options.Speed;
        paused = true;
    }

    /// <summary>Gets a task that completes when every source is exhausted and published (faulted when a source fails).</summary>
    public Task Completion => done.Task;

    /// <summary>Gets whether the clock is stopped.</summary>
    public bool IsPaused
    {
        get
        {
            lock (gate)
            {
                return paused;
            }
        }
    }

    /// <summary>Runs the clock until the sources are exhausted or <paramref name="cancellationToken"/> fires.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!done.Task.IsCompleted)
            {
                Task waitFor;
                lock (gate)
                {
                    if (paused)
                    {
                        waitFor = resumed.Task;
                    }
                    else
                    {
                        var wait = Turn();
                        waitFor = wait > TimeSpan.Zero ? Task.Delay(wait, time, cancellationToken) : Task.CompletedTask;
                    }
                }

                if (waitFor.IsCompleted)
                {
                    // As fast as possible: let the connections' send loops run between batches.
                    await Task.Yield();
                }
                else
                {
                    await waitFor.WaitAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            done.TrySetCanceled(cancellationToken);
        }
        catch (Exception error)
        {
            done.TrySetException(error);
        }
    }

    /// <summary>Stops the clock.</summary>
    public void Pause()
    {
        lock (gate)
        {
            if (!paused)
            {
                activeBefore = Elapsed();
                paused = true;
                resumed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    /// <summary>Starts or restarts the clock where it stopped.</summary>
    public void Resume()
    {
        lock (gate)
        {
            if (paused)
            {
                runningSince = time.GetTimestamp();
                paused = false;
                resumed.TrySetResult();
            }
        }
    }

    /// <summary>Publishes the next <paramref name="count"/> ticks now and returns how many there were.</summary>
    /// <exception cref="InvalidOperationException">The clock is running.</exception>
    public int Step(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (gate)
        {
            if (!paused)
            {
                throw new InvalidOperationException("Step publishes by hand only while the simulator is paused.");
            }

            try
            {
                return PublishUpTo(count, long.MaxValue);
            }
            catch (Exception error)
            {
                done.TrySetException(error);
                throw;
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var cursor in cursors)
        {
            cursor.Dispose();
        }
    }

    /// <summary>Publishes what the clock says is due and returns how long to wait before the next turn.</summary>
    private TimeSpan Turn()
    {
        var elapsed = Elapsed();
        if (rate is { } perSecond)
        {
            var due = (long)Math.Floor(elapsed.TotalSeconds * perSecond) - clockPublished;
            if (due > 0)
            {
                clockPublished += PublishUpTo((int)Math.Min(due, MaxPerTurn), long.MaxValue);
            }

            return Clamp(TimeSpan.FromSeconds((clockPublished + 1) / perSecond) - elapsed);
        }

        if (speed is { } multiple)
        {
            firstTimeMs ??= NextTime() ?? 0;
            var now = firstTimeMs.Value + (long)Math.Floor(elapsed.TotalMilliseconds * multiple);
            PublishUpTo(MaxPerTurn, now);
            return NextTime() is { } next ? Clamp(TimeSpan.FromMilliseconds((next - now) / multiple)) : TimeSpan.Zero;
        }

        // As fast as possible, but no faster than the slowest connection reads: a benchmark must not drop its reader.
        if (MaxBacklog() > FastBacklog)
        {
            return MinWait;
        }

        PublishUpTo(FastBatch, long.MaxValue);
        return TimeSpan.Zero;
    }

    /// <summary>
    /// Publishes up to <paramref name="max"/> ticks at or before <paramref name="untilMs"/> in merged order, each run of
    /// consecutive ticks of one feed as one batch; completes <see cref="Completion"/> when the sources run dry.
    /// </summary>
    private int PublishUpTo(int max, long untilMs)
    {
        var total = 0;
        while (total < max)
        {
            var (best, bestTime) = Earliest(null);
            if (best is null)
            {
                done.TrySetResult();
                break;
            }

            if (bestTime > untilMs)
            {
                break;
            }

            var (rival, rivalTime) = Earliest(best);
            run.Clear();
            while (total < max && best.TryPeekTime(out var next) && next <= untilMs
                && (rival is null || next < rivalTime || (next == rivalTime && best.Feed.Index < rival.Feed.Index)))
            {
                run.Add(best.Take());
                total++;
            }

            advanceMarketTime(best.Feed.Publish(CollectionsMarshal.AsSpan(run)));
        }

        return total;
    }

    private (FeedCursor? Cursor, long TimeMs) Earliest(FeedCursor? except)
    {
        FeedCursor? best = null;
        long bestTime = 0;
        foreach (var cursor in cursors)
        {
            if (cursor != except && cursor.TryPeekTime(out var next) && (best is null || next < bestTime))
            {
                best = cursor;
                bestTime = next;
            }
        }

        return (best, bestTime);
    }

    /// <summary>Returns the time of the next tick to publish (unshifted), or null when none remain.</summary>
    public long? NextTime() => Earliest(null) is (not null, var next) ? next : null;

    private int MaxBacklog()
    {
        var most = 0;
        foreach (var cursor in cursors)
        {
            most = Math.Max(most, cursor.Feed.MaxBacklog);
        }

        return most;
    }

    private TimeSpan Elapsed() => paused ? activeBefore : activeBefore + time.GetElapsedTime(runningSince);

    private static TimeSpan Clamp(TimeSpan wait) => wait < MinWait ? MinWait : wait > MaxWait ? MaxWait : wait;
}
