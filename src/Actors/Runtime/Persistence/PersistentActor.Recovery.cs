using ActorArb.Actors.Persistence;

namespace ActorArb.Actors.Runtime.Persistence;

/// <summary>Recovery: the latest snapshot, then the events after it, a page at a time.</summary>
public abstract partial class PersistentActor
{
    /// <summary>How many events one replay step reads before it applies them; bounds memory on long streams.</summary>
    private const int ReplayPageSize = 1024;

    private IAsyncEnumerator<RecordedEvent>? _replay;

    private void BeginRecovery()
    {
        _phase = Phase.Recovering;
        LastSequenceNr = 0;
        if (_recovery.RestoredAt is { } restored)
        {
            LastSequenceNr = restored;
            CompleteRecovery();
        }
        else if (_snapshots is { } snapshots)
        {
            var id = _persistenceId;
            Await(() => snapshots.LoadLatestAsync(id), ReplayAfter, FailRecovery);
        }
        else
        {
            ReplayAfter(null);
        }
    }

    private void ReplayAfter(StoredSnapshot? snapshot)
    {
        if (snapshot is not null)
        {
            LastSequenceNr = snapshot.Version;
            try
            {
                RecoverSnapshot(snapshot.State);
            }
#pragma warning disable CA1031 // Any failure to load the state is a recovery failure.
            catch (Exception e)
#pragma warning restore CA1031
            {
                FailRecovery(e);
                return;
            }
        }

        try
        {
            _replay = _journal.ReadStreamAsync(_persistenceId, LastSequenceNr).GetAsyncEnumerator();
        }
#pragma warning disable CA1031 // A store that throws instead of returning a failing stream fails the same way.
        catch (Exception e)
#pragma warning restore CA1031
        {
            FailRecovery(e);
            return;
        }

        ReplayPages();
    }

    /// <summary>Reads and applies pages until the stream ends, or until a read has to be awaited (it resumes here).</summary>
    private void ReplayPages()
    {
        var replay = _replay!;
        while (TryAwait(() => ReadPageAsync(replay), ContinueReplay, out var now))
        {
            if (!ApplyPage(now))
            {
                return;
            }
        }
    }

    private void ContinueReplay(Outcome<ReplayPage> outcome)
    {
        if (ApplyPage(outcome))
        {
            ReplayPages();
        }
    }

    /// <summary>Applies one page; returns whether there are more to read.</summary>
    private bool ApplyPage(Outcome<ReplayPage> outcome)
    {
        if (outcome.Error is { } error)
        {
            FailRecovery(error);
            return false;
        }

        foreach (var e in outcome.Value!.Events)
        {
            if (e.Version != LastSequenceNr + 1)
            {
                FailRecovery(new InvalidOperationException(
                    $"stream '{_persistenceId}' went from version {LastSequenceNr} to {e.Version} during recovery"));
                return false;
            }

            LastSequenceNr = e.Version;
            try
            {
                Recover(e.Payload);
            }
#pragma warning disable CA1031 // An event the actor cannot apply is a recovery failure.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                FailRecovery(ex);
                return false;
            }
        }

        if (!outcome.Value.Done)
        {
            return true;
        }

        _replay = null;
        CompleteRecovery();
        return false;
    }

    /// <summary>Ends recovery: the actor is idle, <see cref="OnRecoveryCompleted"/> runs and what it persisted is written.</summary>
    private void CompleteRecovery()
    {
        _phase = Phase.Idle;
        try
        {
            OnRecoveryCompleted();
        }
#pragma warning disable CA1031 // Recovery ends with this hook: its failure is a recovery failure too.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _pending.Clear();
            FailRecovery(ex);
            return;
        }

        if (_pending.Count > 0)
        {
            Write();
        }
    }

    private void FailRecovery(Exception cause)
    {
        _replay = null;
        throw new ActorInitializationException($"recovery of '{_persistenceId}' failed at version {LastSequenceNr}: {cause.Message}", cause);
    }

    private static async ValueTask<ReplayPage> ReadPageAsync(IAsyncEnumerator<RecordedEvent> replay)
    {
        var events = new List<RecordedEvent>();
        try
        {
            while (events.Count < ReplayPageSize)
            {
                if (!await replay.MoveNextAsync().ConfigureAwait(false))
                {
                    await replay.DisposeAsync().ConfigureAwait(false);
                    return new ReplayPage(events, Done: true);
                }

                events.Add(replay.Current);
            }
        }
        catch
        {
            await replay.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new ReplayPage(events, Done: false);
    }

    /// <summary>A page of replayed events, and whether the stream ended with it.</summary>
    private sealed record ReplayPage(List<RecordedEvent> Events, bool Done);
}
