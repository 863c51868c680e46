using ActorArb.Actors.Runtime.Dispatch;
using ActorArb.Domain.Time;

namespace ActorArb.Actors.Runtime;

/// <summary>
/// The replay and test dispatcher: one thread (the caller's), one global FIFO run queue and virtual time. A message
/// enqueued earlier is handled earlier, whichever actor it is for, so the same inputs in the same order always give
/// the same trace. Lifecycle and supervision messages run ahead of user messages.
/// </summary>
/// <remarks>
/// Everything that touches a deterministic system (Tell, ActorOf, probes) must happen on the thread that calls
/// <see cref="RunUntilIdle"/> or <see cref="Advance"/>, or at least never concurrently with it: nothing here takes a
/// lock. The one exception to global FIFO order: messages for an actor that is suspended (awaiting a restart) or
/// stopping are set aside and, on resumption, re-queued at the tail in their original order.
/// </remarks>
public sealed class DeterministicDispatcher : IDispatcher
{
    private readonly ManualClock _clock;
    private readonly Queue<(DeterministicMailbox Box, SystemMessage Message)> _system = new();
    private DeterministicEnvelope[] _ring = new DeterministicEnvelope[1024];
    private int _mask = 1023;
    private int _head;
    private int _tail;
    private int _count;
    private bool _running;

    internal DeterministicDispatcher(ManualClock clock)
    {
        _clock = clock;
        Scheduler = new VirtualScheduler(clock);
    }

    /// <summary>Gets the total number of user messages handled since the dispatcher was created.</summary>
    public long Processed { get; private set; }

    /// <summary>Gets the number of user messages waiting in the run queue.</summary>
    public int Pending => _count;

    /// <summary>Gets the current virtual time in Unix milliseconds.</summary>
    public long NowMs => _clock.NowMs;

    internal VirtualScheduler Scheduler { get; }

    /// <summary>
    /// Handles queued messages on the calling thread until none are left, including those that handling creates, and
    /// returns how many user messages were handled. Timers do not fire here; they fire in <see cref="Advance"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">Called from inside a message handler.</exception>
    public int RunUntilIdle()
    {
        if (_running)
        {
            throw new InvalidOperationException("RunUntilIdle cannot be called from inside a message handler.");
        }

        _running = true;
        var processed = 0;
        try
        {
            while (true)
            {
                if (_system.Count != 0)
                {
                    var (box, message) = _system.Dequeue();
                    box.Cell.InvokeSystem(message);
                    continue;
                }

                if (_count == 0)
                {
                    break;
                }

                ref var slot = ref _ring[_head];
                var target = slot.Box;
                var userMessage = slot.Message;
                var sender = slot.Sender;
                slot = default;
                _head = (_head + 1) & _mask;
                _count--;

                var cell = target.Cell;
                if (target.Direct && cell.IsRunning)
                {
                    target.Queued--;
                    processed++;
                    cell.InvokeUser(userMessage, sender);
                }
                else if (target.DeliverSlow(userMessage, sender))
                {
                    processed++;
                }
            }
        }
        finally
        {
            _running = false;
            Processed += processed;
        }

        return processed;
    }

    /// <summary>
    /// Moves virtual time forward by <paramref name="by"/>: runs until idle, then fires every timer due within the
    /// interval in time order (ties in scheduling order), setting the clock to each timer's due time and running until
    /// idle after each, and finally sets the clock to the end of the interval.
    /// </summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        AdvanceTo(_clock.NowMs + (by.Ticks / TimeSpan.TicksPerMillisecond));
    }

    /// <summary>
    /// Moves virtual time forward to <paramref name="timeMs"/> as <see cref="Advance"/> does; a time that is not later
    /// than now only fires the timers already due.
    /// </summary>
    public void AdvanceTo(long timeMs)
    {
        RunUntilIdle();
        while (Scheduler.TryTakeDue(timeMs, out var item, out var dueMs))
        {
            if (dueMs > _clock.NowMs)
            {
                _clock.Set(dueMs);
            }

            item.Fire();
            RunUntilIdle();
        }

        if (timeMs > _clock.NowMs)
        {
            _clock.Set(timeMs);
        }
    }

    /// <summary>
    /// Returns the due time of the earliest pending timer, or <see langword="null"/> when none is pending; a replay driver
    /// can use it to jump straight to the next thing that will happen.
    /// </summary>
    public long? NextTimerDueMs() => Scheduler.TryPeekDue(out var due) ? due : null;

    Mailbox IDispatcher.CreateMailbox(ActorCell cell, MailboxOptions options) => new DeterministicMailbox(this, cell, options);

    internal void Enqueue(DeterministicMailbox box, object message, IActorRef? sender)
    {
        if (_count == _ring.Length)
        {
            Grow();
        }

        ref var slot = ref _ring[_tail];
        slot.Box = box;
        slot.Message = message;
        slot.Sender = sender;
        _tail = (_tail + 1) & _mask;
        _count++;
    }

    internal void EnqueueSystem(DeterministicMailbox box, SystemMessage message) => _system.Enqueue((box, message));

    /// <summary>
    /// Puts a resumed actor's stashed messages back at the tail, followed by its entries still in the queue, so that
    /// its own messages keep their order. Restarts are rare, so the O(queue) compaction is acceptable.
    /// </summary>
    internal void Requeue(DeterministicMailbox box, Queue<(object Message, IActorRef? Sender)> stash)
    {
        var kept = 0;
        for (var i = 0; i < _count; i++)
        {
            var entry = _ring[(_head + i) & _mask];
            if (ReferenceEquals(entry.Box, box))
            {
                stash.Enqueue((entry.Message, entry.Sender));
            }
            else
            {
                _ring[(_head + kept) & _mask] = entry;
                kept++;
            }
        }

        for (var i = kept; i < _count; i++)
        {
            _ring[(_head + i) & _mask] = default;
        }

        _count = kept;
        _tail = (_head + kept) & _mask;
        while (stash.TryDequeue(out var stashed))
        {
            Enqueue(box, stashed.Message, stashed.Sender);
        }
    }

    private void Grow()
    {
        var grown = new DeterministicEnvelope[_ring.Length * 2];
        for (var i = 0; i < _count; i++)
        {
            grown[i] = _ring[(_head + i) & _mask];
        }

        _ring = grown;
        _mask = grown.Length - 1;
        _head = 0;
        _tail = _count;
    }
}
