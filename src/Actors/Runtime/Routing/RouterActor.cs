using System.Globalization;

namespace ActorArb.Actors.Runtime.Routing;

/// <summary>
/// A pool router: it spawns its routees as children (named <c>$0</c>, <c>$1</c>, …), watches them, and forwards
/// every message, keeping the original sender. It stops itself when its last routee has stopped. It handles
/// <see cref="GetRoutees"/>, <see cref="PoisonPill"/> and <see cref="Terminated"/> of routees itself.
/// </summary>
internal sealed class RouterActor : ActorBase
{
    private readonly RouterConfig _config;
    private readonly Props _routeeProps;
    private readonly List<ActorCell> _routees = [];
    private int _next;

    public RouterActor(RouterConfig config, Props routeeProps)
    {
        _config = config;
        _routeeProps = routeeProps;
    }

    protected override void PreStart()
    {
        var count = _config switch
        {
            RoundRobinPool pool => pool.NrOfInstances,
            SmallestMailboxPool pool => pool.NrOfInstances,
            BroadcastPool pool => pool.NrOfInstances,
            _ => throw new NotSupportedException($"Unknown router {_config}."),
        };
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1, nameof(RouterConfig));
        for (var i = 0; i < count; i++)
        {
            var routee = (ActorCell)Context.Spawn(_routeeProps, "$" + i.ToString(CultureInfo.InvariantCulture));
            Context.Watch(routee);
            _routees.Add(routee);
        }
    }

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case Terminated terminated:
                _routees.RemoveAll(r => ReferenceEquals(r, terminated.ActorRef));
                if (_routees.Count == 0)
                {
                    Context.Stop(Self);
                }

                return;
            case GetRoutees:
                Sender.Tell(new Routees([.. _routees]), Self);
                return;
        }

        if (_routees.Count == 0)
        {
            Cell.SendToDeadLetters(message, Cell.CurrentSender);
            return;
        }

        var sender = Cell.CurrentSender;
        switch (_config)
        {
            case BroadcastPool:
                foreach (var routee in _routees)
                {
                    routee.Tell(message, sender);
                }

                break;
            case SmallestMailboxPool:
                Smallest().Tell(message, sender);
                break;
            default:
                _next %= _routees.Count;
                _routees[_next++].Tell(message, sender);
                break;
        }
    }

    private ActorCell Smallest()
    {
        var best = _routees[0];
        var bestCount = best.MailboxLoad;
        for (var i = 1; i < _routees.Count && bestCount > 0; i++)
        {
            var count = _routees[i].MailboxLoad;
            if (count < bestCount)
            {
                best = _routees[i];
                bestCount = count;
            }
        }

        return best;
    }
}
