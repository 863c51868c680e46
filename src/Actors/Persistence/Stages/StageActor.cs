using ActorArb.Actors.Runtime.Persistence;
using ActorArb.Domain.Events;

namespace ActorArb.Actors.Persistence;

/// <summary>
/// A stage of the trading chain whose state is event-sourced. Each command that changes the stage appends, in one
/// batch, the domain events it decided (intents, decisions, halts, fills, valuations) and then a record of the state it
/// left, so a restarted stage resumes from its latest snapshot plus the records after it, exactly as it was after the
/// last command it stored. The domain events are published on the event stream once stored, and what the command sends
/// on runs after them (<see cref="Commit"/>), so no other actor learns of a decision the journal could still lose.
/// </summary>
/// <remarks>
/// Records hold state the market moved as well as state decisions moved (marks, equity peaks, strategy memory), which
/// no domain event carries; the stages record once per command (a batch of candles in replay, usually one candle live),
/// not once per candle, and only when something changed. Snapshots hold the same state whole.
/// </remarks>
public abstract class StageActor : PersistentActor
{
    private readonly string _stream;
    private long _recoveredEvents;
    private long _recoveredRecords;

    /// <summary>Binds the stage to <paramref name="stream"/> as <paramref name="persistence"/> says.</summary>
    protected StageActor(StagePersistence persistence, string stream)
        : base(Check(persistence).Store, persistence.Snapshots, persistence.SnapshotEvery, persistence.RecoveryOf(stream))
    {
        _stream = stream;
    }

    /// <inheritdoc />
    public sealed override string PersistenceId => _stream;

    /// <summary>Applies a state record (or a snapshot, which is a whole record) while recovering.</summary>
    protected abstract void Restore(object record);

    /// <inheritdoc />
    protected sealed override void Recover(object @event)
    {
        // Domain events are decisions whose effect the record after them carries; live, the command has already
        // applied what it records.
        if (!IsRecovering)
        {
            return;
        }

        _recoveredEvents++;
        if (@event is not IDomainEvent)
        {
            _recoveredRecords++;
            Restore(@event);
        }
    }

    /// <inheritdoc />
    protected sealed override void RecoverSnapshot(object state)
    {
        _recoveredRecords++;
        Restore(state);
    }

    /// <summary>Checks that the stream recovered from was written with state records, then runs <see cref="OnRecovered"/>.</summary>
    /// <exception cref="InvalidOperationException">The stream holds events but no state record.</exception>
    protected sealed override void OnRecoveryCompleted()
    {
        // Every append with events ends with a record, so a stream without any was written before stages recorded
        // their state (an earlier release resumed them from checkpoints): starting fresh on it would lose its book.
        if (_recoveredEvents > 0 && _recoveredRecords == 0)
        {
            throw new InvalidOperationException(
                $"stream '{_stream}' holds {_recoveredEvents} events but no state record: it was written by an earlier release that " +
                "resumed the chain from checkpoints; finish that run with that release or start a new run id");
        }

        OnRecovered();
    }

    /// <summary>Runs once recovery has completed, before any command.</summary>
    protected virtual void OnRecovered()
    {
    }

    /// <summary>
    /// Persists <paramref name="events"/> and then <paramref name="record"/> (when not null) as one append, publishes each
    /// event once stored, and then runs <paramref name="then"/>; with nothing to persist it runs <paramref name="then"/> now.
    /// </summary>
    /// <exception cref="ArgumentException">Events come without a record: every append with events ends with one.</exception>
    protected void Commit(IReadOnlyList<IDomainEvent> events, object? record, Action? then = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count > 0 && record is null)
        {
            throw new ArgumentException($"{_stream}: {events.Count} events to persist without the state record that follows them", nameof(record));
        }

        if (events.Count > 0 || record is not null)
        {
            var all = new object[events.Count + (record is null ? 0 : 1)];
            for (var i = 0; i < events.Count; i++)
            {
                all[i] = events[i];
            }

            if (record is not null)
            {
                all[^1] = record;
            }

            PersistAll(all, Published);
        }

        if (then is not null)
        {
            Defer(then);
        }
    }

    private void Published(object stored)
    {
        if (stored is IDomainEvent e)
        {
            Context.System.EventStream.Publish(e);
        }
    }

    private static StagePersistence Check(StagePersistence persistence)
    {
        ArgumentNullException.ThrowIfNull(persistence);
        return persistence;
    }
}
