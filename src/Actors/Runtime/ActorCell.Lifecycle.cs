using ActorArb.Actors.Runtime.Dispatch;

namespace ActorArb.Actors.Runtime;

/// <summary>Creation, restart and stop of the actor instance, driven by system messages.</summary>
internal sealed partial class ActorCell
{
    private object? _failedMessage;
    private Exception? _pendingRecreate;
    private ActorCell? _escalatedChild;

    public void InvokeSystem(SystemMessage message)
    {
        switch (message)
        {
            case CreateActor:
                if (_state == Starting)
                {
                    CreateInstance(null);
                }

                break;
            case RecreateActor recreate:
                BeginRecreate(recreate.Cause);
                break;
            case ResumeActor:
                ResumeAfterFailure();
                break;
            case TerminateActor:
                BeginStop();
                break;
            case ChildFailed failed:
                HandleChildFailure(failed.Child, failed.Cause);
                break;
            case ChildTerminated terminated:
                HandleChildTerminated(terminated.Child);
                break;
            case WatchRequest watch:
                AddWatcher(watch.Watcher);
                break;
            case UnwatchRequest unwatch:
                _watchedBy?.Remove(unwatch.Watcher);
                break;
            case DeathWatchNotification death:
                HandleDeathWatchNotification(death.Actor);
                break;
        }
    }

    /// <summary>Suspends the actor and reports <paramref name="cause"/> to the parent.</summary>
    private void Fail(Exception cause, object? message)
    {
        if (_state is Stopping or Dead)
        {
            ReportHookFailure("failed while stopping", cause);
            return;
        }

        _state = Suspended;
        _failedMessage = message;
        if (_parent is null)
        {
            // The guardian has no supervisor: the only safe reaction is to stop, which stops the system.
            ReportHookFailure("guardian failed", cause);
            BeginStop();
            return;
        }

        _parent.SendSystem(new ChildFailed(this, cause));
    }

    /// <summary>Builds a new instance and starts it; <paramref name="restartCause"/> is null for the first start.</summary>
    private void CreateInstance(Exception? restartCause)
    {
        var previous = t_constructing;
        try
        {
            t_constructing = this;
            _actor = _props.Factory();
            t_constructing = previous;
            if (restartCause is not null)
            {
                _actor.InvokePostRestart(restartCause);
            }

            _actor.InvokePreStart();
        }
#pragma warning disable CA1031 // A failing factory or start hook is reported to the supervisor as an initialization failure.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            t_constructing = previous;
            Fail(new ActorInitializationException($"{Path} failed to start: {ex.Message}", ex), null);
            return;
        }

        _state = Running;
        _mailbox.Resume();
    }

    private void ResumeAfterFailure()
    {
        if (_state != Suspended || _pendingRecreate is not null)
        {
            return;
        }

        if (_actor is null)
        {
            // Nothing to resume when the failure happened while building the instance: build it again.
            BeginRecreate(new ActorInitializationException($"{Path} was resumed before it had started."));
            return;
        }

        _failedMessage = null;
        _state = Running;
        if (_escalatedChild is { } child)
        {
            _escalatedChild = null;
            child.SendSystem(ResumeActor.Instance);
        }

        _mailbox.Resume();
    }

    private void BeginRecreate(Exception cause)
    {
        if (_state is Stopping or Dead)
        {
            return;
        }

        _state = Suspended;
        _escalatedChild = null;
        if (_actor is not null)
        {
            try
            {
                _actor.InvokePreRestart(cause, _failedMessage);
            }
#pragma warning disable CA1031 // The restart goes ahead; the hook's failure is reported, not rethrown.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                ReportHookFailure(nameof(ActorBase.InvokePreRestart), ex);
            }
        }

        _timers?.CancelAll();
        _pendingRecreate = cause;
        if (!StopAllChildren())
        {
            FinishRecreate();
        }
    }

    private void FinishRecreate()
    {
        var cause = _pendingRecreate!;
        _pendingRecreate = null;
        RunPostStop();
        _failedMessage = null;
        CreateInstance(cause);
    }

    private void BeginStop()
    {
        if (_state is Stopping or Dead)
        {
            return;
        }

        _state = Stopping;
        _pendingRecreate = null;
        _timers?.CancelAll();
        if (!StopAllChildren())
        {
            FinishStop();
        }
    }

    private void FinishStop()
    {
        RunPostStop();
        _state = Dead;
        _mailbox.Close();
        _system.EventStream.Unsubscribe(this);
        // Free the name before anyone hears of the stop, so that a watcher may reuse it at once.
        _parent?.ForgetChild(this);
        NotifyWatchers();
        if (_parent is not null)
        {
            _parent.SendSystem(new ChildTerminated(this));
        }
        else
        {
            _system.OnGuardianStopped();
        }
    }

    private void RunPostStop()
    {
        if (_actor is null)
        {
            return;
        }

        try
        {
            _actor.InvokePostStop();
        }
#pragma warning disable CA1031 // Stopping must complete; the hook's failure is reported, not rethrown.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            ReportHookFailure(nameof(ActorBase.InvokePostStop), ex);
        }

        _actor = null;
    }

    /// <summary>Sends every child a stop; returns whether there were any (the caller then waits for them).</summary>
    private bool StopAllChildren()
    {
        ActorCell[] children;
        lock (_childrenLock)
        {
            if (_children.Count == 0)
            {
                return false;
            }

            children = [.. _children.Values];
        }

        foreach (var child in children)
        {
            child.SendSystem(TerminateActor.Instance);
        }

        return true;
    }

    private void ForgetChild(ActorCell child)
    {
        lock (_childrenLock)
        {
            if (_children.TryGetValue(child.Name, out var current) && ReferenceEquals(current, child))
            {
                _children.Remove(child.Name);
            }
        }
    }

    private void HandleChildTerminated(ActorCell child)
    {
        ForgetChild(child);
        bool empty;
        lock (_childrenLock)
        {
            empty = _children.Count == 0;
        }

        if (!empty)
        {
            return;
        }

        if (_state == Stopping)
        {
            FinishStop();
        }
        else if (_pendingRecreate is not null)
        {
            FinishRecreate();
        }
    }
}
