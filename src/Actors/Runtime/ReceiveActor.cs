namespace ActorArb.Actors.Runtime;

/// <summary>
/// An actor whose behaviour is a list of typed handlers registered in its constructor: the first handler whose type
/// (and predicate) matches a message handles it; a message no handler matches is <c>Unhandled</c>.
/// </summary>
public abstract class ReceiveActor : ActorBase
{
    private HandlerSet _current = new();
    private HandlerSet? _building;
    private Stack<HandlerSet>? _stack;

    /// <summary>Registers a handler for messages of type <typeparamref name="T"/>.</summary>
    protected void Receive<T>(Action<T> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Target.Add(new Handler<T>(null, handler));
    }

    /// <summary>Registers a handler for messages of type <typeparamref name="T"/> that satisfy <paramref name="predicate"/>.</summary>
    protected void Receive<T>(Func<T, bool> predicate, Action<T> handler)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        ArgumentNullException.ThrowIfNull(handler);
        Target.Add(new Handler<T>(predicate, handler));
    }

    /// <summary>Registers a handler for any message; register it last, since handlers are tried in order.</summary>
    protected void ReceiveAny(Action<object> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Target.Add(new Handler<object>(null, handler));
    }

    /// <summary>Replaces the whole handler list with the handlers that <paramref name="configure"/> registers.</summary>
    protected void Become(Action configure)
    {
        _current = Build(configure);
        _stack?.Clear();
    }

    /// <summary>Pushes a new handler list built by <paramref name="configure"/>; <see cref="UnbecomeStacked"/> returns to the previous one.</summary>
    protected void BecomeStacked(Action configure)
    {
        var next = Build(configure);
        (_stack ??= new Stack<HandlerSet>()).Push(_current);
        _current = next;
    }

    /// <summary>Returns to the handler list that was active before the last <see cref="BecomeStacked"/>; does nothing if none.</summary>
    protected void UnbecomeStacked()
    {
        if (_stack is { Count: > 0 })
        {
            _current = _stack.Pop();
        }
    }

    /// <inheritdoc />
    protected sealed override void OnReceive(object message)
    {
        var set = _current;
        var handlers = set.Items;
        var count = set.Count;
        for (var i = 0; i < count; i++)
        {
            if (handlers[i].TryHandle(message))
            {
                return;
            }
        }

        Unhandled(message);
    }

    private HandlerSet Target => _building ?? _current;

    private HandlerSet Build(Action configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var next = new HandlerSet();
        var previous = _building;
        _building = next;
        try
        {
            configure();
        }
        finally
        {
            _building = previous;
        }

        return next;
    }

    private sealed class HandlerSet
    {
        public Handler[] Items { get; private set; } = new Handler[4];

        public int Count { get; private set; }

        public void Add(Handler handler)
        {
            if (Count == Items.Length)
            {
                var grown = new Handler[Count * 2];
                Array.Copy(Items, grown, Count);
                Items = grown;
            }

            Items[Count++] = handler;
        }
    }

    private abstract class Handler
    {
        public abstract bool TryHandle(object message);
    }

    private sealed class Handler<T>(Func<T, bool>? predicate, Action<T> action) : Handler
    {
        public override bool TryHandle(object message)
        {
            if (message is T typed && (predicate is null || predicate(typed)))
            {
                action(typed);
                return true;
            }

            return false;
        }
    }
}
