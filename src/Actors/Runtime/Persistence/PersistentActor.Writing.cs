using ActorArb.Actors.Persistence;
using ActorArb.Actors.Persistence.Serialization;

namespace ActorArb.Actors.Runtime.Persistence;

/// <summary>Writing: one append per batch of persisted events, then their handlers, then snapshots.</summary>
public abstract partial class PersistentActor
{
    /// <summary>Appends every pending event as one batch; commands are set aside until its handlers have run.</summary>
    private void Write()
    {
        var batch = _pending.ToArray();
        _pending.Clear();
        var expected = LastSequenceNr;
        var data = new List<EventData>(batch.Length);
        foreach (var pending in batch)
        {
            if (pending.Event is { } e)
            {
                data.Add(EventData.Create(_seed, expected + data.Count + 1, e, EventMetadata.Empty));
            }
        }

        _phase = Phase.Storing;
        var sender = Cell.CurrentSender;
        var id = _persistenceId;
        Await(
            () => AppendAsync(_journal, id, expected, data),
            written => Written(batch, written, sender),
            error => WriteFailed(batch, error, sender));
    }

    /// <summary>
    /// Appends <paramref name="data"/> at <paramref name="expected"/> and returns how many events were written. Where the
    /// stream already holds some of those versions, the stored events must be the same events (a replay re-producing
    /// what a crashed run wrote): they are kept and only the rest is appended. Stored events that differ mean another
    /// writer, or a replay that is not deterministic: a <see cref="ConcurrencyException"/>.
    /// </summary>
    private static async ValueTask<long> AppendAsync(IEventStore journal, string id, long expected, List<EventData> data)
    {
        // The ids derive from stream and version, so the store takes an append of versions it holds for a retry and
        // writes nothing; an append overlapping its end is a conflict. Either way the stored events decide.
        ConcurrencyException conflict;
        try
        {
            var result = await journal.AppendAsync(id, expected, data).ConfigureAwait(false);
            if (result.Written == data.Count)
            {
                return result.Written;
            }

            conflict = new ConcurrencyException(id, expected, result.StreamVersion);
        }
        catch (ConcurrencyException e) when (e.ActualVersion > expected)
        {
            conflict = e;
        }

        var same = 0;
        await foreach (var stored in journal.ReadStreamAsync(id, expected).ConfigureAwait(false))
        {
            if (same == data.Count)
            {
                break;
            }

            if (!IsSame(stored, data[same]))
            {
                throw conflict;
            }

            same++;
        }

        if (same == data.Count)
        {
            return 0;
        }

        var rest = data.GetRange(same, data.Count - same);
        var appended = await journal.AppendAsync(id, expected + same, rest).ConfigureAwait(false);
        return appended.Written == rest.Count ? rest.Count : throw new ConcurrencyException(id, expected + same, appended.StreamVersion);
    }

    private static bool IsSame(RecordedEvent stored, EventData mine) =>
        stored.Type == mine.Type && EventSerializer.Default.Serialize(stored.Payload) == EventSerializer.Default.Serialize(mine.Payload);

    private void Written(PendingEvent[] batch, long written, IActorRef? sender)
    {
        _written += written;
        _phase = Phase.Idle;
        Cell.RestoreSender(sender);
        (long Version, object State)? snapshot = null;
        try
        {
            foreach (var pending in batch)
            {
                if (pending.Event is not { } e)
                {
                    pending.Handler(null!);
                    continue;
                }

                LastSequenceNr++;
                Recover(e);
                pending.Handler(e);
                if (_snapshotEvery > 0 && LastSequenceNr % _snapshotEvery == 0 && SnapshotState() is { } state)
                {
                    snapshot = (LastSequenceNr, state);
                }
            }
        }
        catch
        {
            // A handler that fails persists nothing more, even if the supervisor resumes this instance.
            _pending.Clear();
            throw;
        }

        if (snapshot is { } due)
        {
            SaveSnapshot(due.Version, due.State, sender);
        }
        else if (_pending.Count > 0)
        {
            Write();
        }
    }

    private void WriteFailed(PendingEvent[] batch, Exception cause, IActorRef? sender)
    {
        _phase = Phase.Idle;
        Cell.RestoreSender(sender);
        foreach (var pending in batch)
        {
            if (pending.Event is { } e)
            {
                OnPersistFailure(cause, e);
            }
        }
    }

    /// <summary>
    /// Saves the latest snapshot that fell due in a batch (older ones are superseded by it), holding commands back until
    /// it is stored, so a command handled afterwards finds it there. Its failure is published as a
    /// <see cref="KernelError"/> and otherwise ignored, as a snapshot only shortens recovery.
    /// </summary>
    private void SaveSnapshot(long version, object state, IActorRef? sender)
    {
        _phase = Phase.Storing;
        var snapshots = _snapshots!;
        var id = _persistenceId;
        Await(
            () => Completion(snapshots.SaveAsync(id, version, state)),
            _ => AfterSnapshot(sender),
            error =>
            {
                Context.System.EventStream.Publish(new KernelError($"{Self} snapshot of '{id}' at version {version}", error));
                AfterSnapshot(sender);
            });
    }

    private void AfterSnapshot(IActorRef? sender)
    {
        _phase = Phase.Idle;
        if (_pending.Count > 0)
        {
            Cell.RestoreSender(sender);
            Write();
        }
    }
}
