using System.Runtime.ExceptionServices;
using ActorArb.Actors.Persistence;

namespace ActorArb.Actors.Runtime.Persistence;

/// <summary>
/// An actor whose state is the fold of its own event stream, in Akka.Persistence's vocabulary, on ActorArb's kernel
/// and <see cref="IEventStore"/>. On start and on every restart it recovers: it loads the latest snapshot (when it has
/// a snapshot store), then replays the events after it through <see cref="Recover"/>, in order, before it handles any
/// command. Commands go to <see cref="Command"/>, which decides and calls <see cref="Persist{TEvent}"/> or
/// <see cref="PersistAll{TEvent}"/>; once the append has succeeded each event goes through <see cref="Recover"/> (so
/// live and recovered state evolve by the same code) and then through its handler (replies, other side effects).
/// </summary>
/// <remarks>
/// <para>
/// The events that one command (or one batch of handlers) persists are appended as one batch, in one call to the
/// store, with the expected version <see cref="LastSequenceNr"/> and ids <see cref="EventIds.For(string, long)"/>, so
/// a second writer on the same stream is refused (<see cref="ConcurrencyException"/>) and a retried append writes
/// nothing twice. Until the handlers have run, further commands are set aside (Akka's <c>Persist</c>, not
/// <c>PersistAsync</c>) and then handled in arrival order with their own senders, so state and journal never diverge.
/// Every <c>snapshotEvery</c> events the state from <see cref="SnapshotState"/> is saved (at most one per batch: the
/// latest due), and commands wait for that save too, so a command handled after it finds it stored; a failed save is
/// published as a <see cref="KernelError"/> and otherwise ignored, as a snapshot only shortens recovery.
/// </para>
/// <para>
/// An append whose versions the stream already holds is accepted when the stored events are the same events (same type,
/// same JSON): the store holds what this actor would write, as after a deterministic replay re-produces what a crashed
/// run wrote (<see cref="Recovery.Restored"/>). Stored events that differ are a <see cref="ConcurrencyException"/>.
/// </para>
/// <para>
/// A store call that completes synchronously (the in-memory stores) is handled inline. One that does not is awaited
/// on a thread-pool system, its outcome coming back to this actor as a message; on a deterministic system the
/// driving thread blocks until it completes, so a replay gives the same trace whatever the store's latency (a store
/// that needs the same deterministic system to make progress would therefore deadlock). Keep the mailbox unbounded:
/// an outcome dropped by an overflow policy would leave the actor waiting for ever.
/// </para>
/// <para>
/// Failures: a failed append goes to <see cref="OnPersistFailure"/>, which by default rethrows, so the supervisor
/// restarts the actor and it recovers from the store. A failed recovery (the store, or <see cref="Recover"/> or
/// <see cref="RecoverSnapshot"/> throwing) throws an <see cref="ActorInitializationException"/>, which the default
/// strategies answer by stopping the actor rather than replaying the same failure in a loop. Commands set aside are
/// handed back to the mailbox on restart and sent to dead letters on stop; subclasses that override
/// <see cref="PreRestart"/> or <see cref="PostStop"/> must call the base method. A <see cref="PoisonPill"/> is not a
/// command and is never set aside: it stops the actor even while an append is in flight.
/// </para>
/// </remarks>
public abstract partial class PersistentActor : ActorBase
{
    private readonly IEventStore _journal;
    private readonly ISnapshotStore? _snapshots;
    private readonly int _snapshotEvery;
    private readonly Recovery _recovery;
    private readonly Queue<(object Message, IActorRef? Sender)> _stash = new();
    private readonly List<PendingEvent> _pending = [];
    private Phase _phase = Phase.Created;
    private string _persistenceId = "";
    private EventIds.StreamSeed _seed;
    private bool _blocking;
    private long _written;

    /// <summary>
    /// Binds the actor to <paramref name="journal"/> and, optionally, to <paramref name="snapshots"/>, saving a snapshot
    /// every <paramref name="snapshotEvery"/> events (0 = never), recovering as <paramref name="recovery"/> says
    /// (<see cref="Recovery.Latest"/> when null).
    /// </summary>
    /// <exception cref="ArgumentException">Snapshots are requested without a snapshot store.</exception>
    protected PersistentActor(IEventStore journal, ISnapshotStore? snapshots = null, int snapshotEvery = 0, Recovery? recovery = null)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentOutOfRangeException.ThrowIfNegative(snapshotEvery);
        if (snapshotEvery > 0 && snapshots is null)
        {
            throw new ArgumentException("a snapshot interval needs a snapshot store", nameof(snapshots));
        }

        _journal = journal;
        _snapshots = snapshots;
        _snapshotEvery = snapshotEvery;
        _recovery = recovery ?? Recovery.Latest;
    }

    private enum Phase
    {
        /// <summary>Built, not started.</summary>
        Created,

        /// <summary>Replaying the snapshot and events; commands are set aside.</summary>
        Recovering,

        /// <summary>Handling commands.</summary>
        Idle,

        /// <summary>An append or a snapshot is in flight; commands are set aside.</summary>
        Storing,
    }

    /// <summary>Gets the id of this actor's event stream; read once, when the actor starts.</summary>
    public abstract string PersistenceId { get; }

    /// <summary>
    /// Gets the version of the last event applied: during recovery the event being replayed, in a persist handler the
    /// event being handled, otherwise the stream's version as this actor knows it.
    /// </summary>
    protected long LastSequenceNr { get; private set; }

    /// <summary>Gets whether the actor is replaying its snapshot and stored events (in <see cref="Recover"/>) rather than handling a persist.</summary>
    protected bool IsRecovering => _phase == Phase.Recovering;

    /// <summary>Evolves the state by one stored event, during recovery and after each successful persist.</summary>
    protected abstract void Recover(object @event);

    /// <summary>Loads the state from a snapshot (with <see cref="LastSequenceNr"/> at its version) before the events after it are replayed.</summary>
    protected virtual void RecoverSnapshot(object state)
    {
    }

    /// <summary>
    /// Returns the state to save as a snapshot every <c>snapshotEvery</c> events, or <see langword="null"/> to skip
    /// one. The value must be immutable: a store may keep the reference or serialize it later.
    /// </summary>
    protected virtual object? SnapshotState() => null;

    /// <summary>Handles one command once recovery has completed.</summary>
    protected abstract void Command(object message);

    /// <summary>Runs once recovery has completed, before any command; it may persist.</summary>
    protected virtual void OnRecoveryCompleted()
    {
    }

    /// <summary>
    /// Runs for each event of an append that failed (a conflict, the store unreachable); none of their handlers runs.
    /// The default rethrows <paramref name="cause"/>, so the supervisor decides (by default: restart, which recovers
    /// from the store).
    /// </summary>
    protected virtual void OnPersistFailure(Exception cause, object @event) => ExceptionDispatchInfo.Throw(cause);

    /// <summary>
    /// Persists <paramref name="event"/> and, once it is stored, applies it through <see cref="Recover"/> and then calls
    /// <paramref name="handler"/> with the sender of the command that persisted it.
    /// </summary>
    /// <exception cref="InvalidOperationException">Called before recovery has completed.</exception>
    protected void Persist<TEvent>(TEvent @event, Action<TEvent> handler)
        where TEvent : notnull
    {
        ArgumentNullException.ThrowIfNull(@event);
        ArgumentNullException.ThrowIfNull(handler);
        EnsureRecovered();
        _pending.Add(new PendingEvent(@event, e => handler((TEvent)e)));
    }

    /// <summary>
    /// Persists <paramref name="events"/> in one append and, once they are stored, applies and handles each in order as
    /// <see cref="Persist{TEvent}"/> does. An empty list does nothing.
    /// </summary>
    /// <exception cref="InvalidOperationException">Called before recovery has completed.</exception>
    protected void PersistAll<TEvent>(IReadOnlyList<TEvent> events, Action<TEvent> handler)
        where TEvent : notnull
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(handler);
        EnsureRecovered();
        Action<object> invoke = e => handler((TEvent)e);
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i] ?? throw new ArgumentException($"event {i} is null", nameof(events));
            _pending.Add(new PendingEvent(e, invoke));
        }
    }

    /// <summary>
    /// Runs <paramref name="action"/> once every event persisted before it (by this command or handler) is stored and
    /// handled, or now when none is pending: the place for side effects that must not outrun the journal.
    /// </summary>
    /// <exception cref="InvalidOperationException">Called before recovery has completed.</exception>
    protected void Defer(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        EnsureRecovered();
        if (_pending.Count == 0)
        {
            action();
        }
        else
        {
            _pending.Add(new PendingEvent(null, _ => action()));
        }
    }

    /// <summary>Starts recovery; it is sealed because recovery must come first (use <see cref="OnRecoveryCompleted"/>).</summary>
    protected sealed override void PreStart()
    {
        _persistenceId = PersistenceId;
        ArgumentException.ThrowIfNullOrEmpty(_persistenceId, nameof(PersistenceId));
        _seed = EventIds.Seed(_persistenceId);
        _blocking = Context.System.IsDeterministic;
        BeginRecovery();
    }

    /// <summary>Hands the commands set aside back to the mailbox, so the next instance handles them after its recovery.</summary>
    protected override void PreRestart(Exception reason, object? message)
    {
        while (_stash.TryDequeue(out var stashed))
        {
            Self.Tell(stashed.Message, stashed.Sender);
        }
    }

    /// <summary>Sends the commands still set aside to dead letters.</summary>
    protected override void PostStop()
    {
        while (_stash.TryDequeue(out var stashed))
        {
            Cell.SendToDeadLetters(stashed.Message, stashed.Sender);
        }
    }

    /// <inheritdoc />
    protected sealed override void OnReceive(object message)
    {
        if (message is Resumed resumed)
        {
            // A restart leaves the outcomes of the previous instance's store calls in the mailbox: drop them.
            if (!ReferenceEquals(resumed.Owner, this))
            {
                return;
            }

            resumed.Continue();
        }
        else if (_phase != Phase.Idle)
        {
            _stash.Enqueue((message, Sender));
            return;
        }
        else
        {
            RunCommand(message);
        }

        while (_phase == Phase.Idle && _stash.TryDequeue(out var next))
        {
            Cell.RestoreSender(next.Sender);
            RunCommand(next.Message);
        }
    }

    private void RunCommand(object message)
    {
        if (message is PersistenceProtocol.GetStatus)
        {
            Sender?.Tell(new PersistenceProtocol.Status(_persistenceId, LastSequenceNr, _written), Self);
            return;
        }

        try
        {
            Command(message);
        }
        catch
        {
            // A command that fails persists nothing, even if the supervisor resumes this instance.
            _pending.Clear();
            throw;
        }

        if (_pending.Count > 0)
        {
            Write();
        }
    }

    private void EnsureRecovered()
    {
        if (_phase is Phase.Created or Phase.Recovering)
        {
            throw new InvalidOperationException($"{GetType().Name} cannot persist before its recovery has completed.");
        }
    }

    /// <summary>An event waiting to be written, with the handler to call once it is stored; a deferred action has no event.</summary>
    private readonly record struct PendingEvent(object? Event, Action<object> Handler);
}
