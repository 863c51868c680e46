using ActorArb.Actors.Runtime.Dispatch;

namespace ActorArb.Actors.Runtime;

/// <summary>Death watch: who watches this actor, whom it watches, and the <see cref="Terminated"/> hand-off.</summary>
internal sealed partial class ActorCell
{
    private HashSet<IActorRef>? _watchedBy;
    private HashSet<IActorRef>? _watching;

    public IActorRef Watch(IActorRef other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(other, this) || other is not ActorCell cell)
        {
            return other;
        }

        if ((_watching ??= []).Add(cell))
        {
            cell.SendSystem(new WatchRequest(this));
        }

        return other;
    }

    public void Unwatch(IActorRef other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other is ActorCell cell && _watching is not null && _watching.Remove(cell))
        {
            cell.SendSystem(new UnwatchRequest(this));
        }
    }

    private void AddWatcher(IActorRef watcher)
    {
        if (_state == Dead)
        {
            Notify(watcher);
            return;
        }

        (_watchedBy ??= []).Add(watcher);
    }

    private void NotifyWatchers()
    {
        if (_watchedBy is not null)
        {
            foreach (var watcher in _watchedBy)
            {
                Notify(watcher);
            }

            _watchedBy = null;
        }

        if (_watching is not null)
        {
            foreach (var watched in _watching)
            {
                ((ActorCell)watched).SendSystem(new UnwatchRequest(this));
            }

            _watching = null;
        }
    }

    private void Notify(IActorRef watcher)
    {
        if (watcher is ActorCell cell)
        {
            cell.SendSystem(new DeathWatchNotification(this));
        }
        else
        {
            watcher.Tell(new Terminated(this), this);
        }
    }

    private void HandleDeathWatchNotification(ActorCell actor)
    {
        // Only a watch still in place yields Terminated: Unwatch after the stop but before this arrives cancels it.
        if (_state != Dead && _watching is not null && _watching.Remove(actor))
        {
            Tell(new Terminated(actor), actor);
        }
    }
}
