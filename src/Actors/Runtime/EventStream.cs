using System.Collections.Concurrent;

namespace ActorArb.Actors.Runtime;

/// <summary>
/// System-wide publish/subscribe by type. A subscription to a type receives events of that type and of every type
/// derived from it or implementing it (subscribe to <see cref="object"/> for everything). A subscriber receives each
/// event once, even when several of its subscriptions match, and subscribers are told in subscription order. An
/// actor's subscriptions end when it stops.
/// </summary>
public sealed class EventStream
{
    private readonly Lock _lock = new();
    private volatile (IActorRef Subscriber, Type Channel)[] _subscriptions = [];
    private volatile ConcurrentDictionary<Type, IActorRef[]> _routes = new();

    internal EventStream()
    {
    }

    /// <summary>Subscribes <paramref name="subscriber"/> to events assignable to <paramref name="channel"/>; subscribing twice has no effect.</summary>
    public void Subscribe(IActorRef subscriber, Type channel)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(channel);
        lock (_lock)
        {
            foreach (var existing in _subscriptions)
            {
                if (ReferenceEquals(existing.Subscriber, subscriber) && existing.Channel == channel)
                {
                    return;
                }
            }

            _subscriptions = [.. _subscriptions, (subscriber, channel)];
            _routes = new ConcurrentDictionary<Type, IActorRef[]>();
        }
    }

    /// <summary>Removes every subscription of <paramref name="subscriber"/>.</summary>
    public void Unsubscribe(IActorRef subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        Remove(subscriber, null);
    }

    /// <summary>Removes the subscription of <paramref name="subscriber"/> to exactly <paramref name="channel"/>.</summary>
    public void Unsubscribe(IActorRef subscriber, Type channel)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(channel);
        Remove(subscriber, channel);
    }

    /// <summary>Tells <paramref name="event"/> (with no sender) to every matching subscriber.</summary>
    public void Publish(object @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var routes = _routes;
        var type = @event.GetType();
        if (!routes.TryGetValue(type, out var targets))
        {
            targets = Resolve(type);
            routes.TryAdd(type, targets);
        }

        for (var i = 0; i < targets.Length; i++)
        {
            targets[i].Tell(@event);
        }
    }

    private IActorRef[] Resolve(Type type)
    {
        var subscriptions = _subscriptions;
        var targets = new List<IActorRef>();
        foreach (var (subscriber, channel) in subscriptions)
        {
            if (channel.IsAssignableFrom(type) && !targets.Contains(subscriber))
            {
                targets.Add(subscriber);
            }
        }

        return [.. targets];
    }

    private void Remove(IActorRef subscriber, Type? channel)
    {
        lock (_lock)
        {
            var kept = new List<(IActorRef, Type)>(_subscriptions.Length);
            foreach (var existing in _subscriptions)
            {
                if (!ReferenceEquals(existing.Subscriber, subscriber) || (channel is not null && existing.Channel != channel))
                {
                    kept.Add(existing);
                }
            }

            if (kept.Count != _subscriptions.Length)
            {
                _subscriptions = [.. kept];
                _routes = new ConcurrentDictionary<Type, IActorRef[]>();
            }
        }
    }
}
