using ActorArb.Actors.Persistence;

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
        var data = new EventData[batch.Length];
        for (var i = 0; i < batch.Length; i++)
        {
            var e = batch[i].Event;
            data[i] = EventData.Create(_seed, expected + i + 1, e, EventMetadata.Empty);
        }

        _phase = Phase.Storing;
        var sender = Cell.CurrentSender;
        var id = _persistenceId;
        Await(
            () => _journal.AppendAsync(id, expected, data),
            result => Written(batch, expected, result, sender),
            error => WriteFailed(batch, error, sender));
    }

    private void Written(PendingEvent[] batch, long expected, AppendResult result, IActorRef? sender)
    {
        if (result.Written != batch.Length)
        {
            // The ids derive from stream and version, so a second writer at the same version sends the same ids, and
            // the store takes it for a retry of the first writer's append: it writes nothing and reports no conflict.
            // This actor sends each batch once, so ids already present always mean someone else wrote that version.
            WriteFailed(batch, new ConcurrencyException(_persistenceId, expected, result.StreamVersion), sender);
            return;
        }

        _phase = Phase.Idle;
        Cell.RestoreSender(sender);
        (long Version, object State)? snapshot = null;
        try
        {
            foreach (var pending in batch)
            {
                LastSequenceNr++;
                Recover(pending.Event);
                pending.Handler(pending.Event);
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
            OnPersistFailure(cause, pending.Event);
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
