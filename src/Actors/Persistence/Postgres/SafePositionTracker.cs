namespace ActorArb.Actors.Persistence.Postgres;

/// <summary>
/// Finds the highest position a subscription may deliver up to without ever skipping an event: the
/// high-water mark. Positions come from a sequence and are allocated before commit, so transactions commit
/// out of position order, and "the highest visible position" is not safe: a lower one may still commit.
/// <para>
/// Method. Every transaction that allocates positions takes its transaction id first (appends lock the stream
/// row before they insert). A subscription's reading is one statement that reads <c>A</c>, the position
/// sequence's last value, and only then takes a transaction id of its own, the fence <c>N</c>. Every position
/// at or below <c>A</c> was allocated by a transaction whose id is below <c>N</c>, because ids are handed out
/// in order. Once a later snapshot's xmin (the oldest transaction id still running) is at least <c>N</c>,
/// every transaction below <c>N</c> has finished, so every position up to <c>A</c> is final: committed and
/// visible, or rolled back and never to appear. A snapshot's list of in-progress ids alone would not do: a
/// running transaction whose id is above every finished one is not listed. Unlike a gap timeout (Marten's
/// async daemon) this never skips a slow transaction; it waits for it, and for any other transaction in the
/// cluster that was writing when the fence was taken. The cost is one transaction id per reading that found
/// new positions.
/// </para>
/// </summary>
internal sealed class SafePositionTracker
{
    private readonly Queue<(long Allocated, long Fence)> _pending = new();
    private long _safe;
    private long _covered;

    /// <summary>Returns true while some reading is waiting for older transactions to finish.</summary>
    public bool HasPending => _pending.Count > 0;

    /// <summary>Returns the highest position already covered by a reading, safe or pending: a reading at or below it needs no fence.</summary>
    public long Covered => _covered;

    /// <summary>
    /// Takes a reading: the sequence's last value <paramref name="allocated"/>, the fence taken after it (null
    /// when the reading took none because nothing new was allocated), and <paramref name="oldestRunning"/>, the
    /// xmin of the reading's snapshot. Returns the highest safe position so far.
    /// </summary>
    public long Observe(long allocated, long? fence, long oldestRunning)
    {
        if (fence is { } n && allocated > _covered)
        {
            _pending.Enqueue((allocated, n));
            _covered = allocated;
        }

        // Fences rise with the readings, so the queue clears from the front.
        while (_pending.TryPeek(out var reading) && reading.Fence <= oldestRunning)
        {
            _safe = Math.Max(_safe, reading.Allocated);
            _pending.Dequeue();
        }

        return _safe;
    }
}
