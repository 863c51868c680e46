using System.Diagnostics;

namespace ActorArb.Actors.Runtime.Dispatch;

/// <summary>
/// An actor's share of the <see cref="DeterministicDispatcher"/>'s global run queue. Unbounded mailboxes put their
/// messages straight into that queue; a bounded <see cref="OverflowPolicy.DropOldest"/> mailbox keeps its messages
/// here and puts a token in the global queue per message, so that dropping the oldest one costs O(1).
/// </summary>
internal sealed class DeterministicMailbox : Mailbox
{
    /// <summary>Stands in the global queue for one message held in <see cref="_local"/>.</summary>
    internal static readonly object Token = new();

    private readonly DeterministicDispatcher _dispatcher;
    private readonly int _capacity;
    private readonly OverflowPolicy _overflow;
    private readonly Queue<(object Message, IActorRef? Sender)>? _local;
    private Queue<(object Message, IActorRef? Sender)>? _stash;
    private bool _closed;

    public DeterministicMailbox(DeterministicDispatcher dispatcher, ActorCell cell, MailboxOptions options)
    {
        _dispatcher = dispatcher;
        Cell = cell;
        // Wait would block the only thread, so a Wait mailbox is unbounded here (documented on OverflowPolicy.Wait).
        _capacity = options.IsBounded && options.Overflow != OverflowPolicy.Wait ? options.Capacity : 0;
        _overflow = options.Overflow;
        if (_capacity > 0 && _overflow == OverflowPolicy.DropOldest)
        {
            _local = new Queue<(object, IActorRef?)>(options.Capacity);
        }

        Direct = _local is null;
    }

    /// <summary>Gets the actor this mailbox belongs to.</summary>
    public ActorCell Cell { get; }

    /// <summary>Gets a value indicating whether entries in the global queue are the messages themselves (not tokens).</summary>
    public bool Direct { get; }

    /// <summary>Gets or sets the number of messages waiting for this actor, in the global queue or the stash.</summary>
    public int Queued { get; set; }

    public override int Count => Queued;

    public override void Post(object message, IActorRef? sender)
    {
        if (_closed)
        {
            Cell.SendToDeadLetters(message, sender);
            return;
        }

        if (_capacity > 0 && Queued >= _capacity)
        {
            switch (_overflow)
            {
                case OverflowPolicy.Fail:
                    throw new MailboxFullException($"Mailbox of {Cell.Path} is full.");
                case OverflowPolicy.DropOldest:
                    var oldest = _local!.Dequeue();
                    Queued--;
                    Cell.SendToDeadLetters(oldest.Message, oldest.Sender);
                    break;
                default:
                    Cell.SendToDeadLetters(message, sender);
                    return;
            }
        }

        Queued++;
        if (_local is null)
        {
            _dispatcher.Enqueue(this, message, sender);
        }
        else
        {
            _local.Enqueue((message, sender));
            _dispatcher.Enqueue(this, Token, null);
        }
    }

    public override void PostSystem(SystemMessage message) => _dispatcher.EnqueueSystem(this, message);

    public override void Resume()
    {
        if (_stash is { Count: > 0 })
        {
            _dispatcher.Requeue(this, _stash);
        }
    }

    public override void Close()
    {
        _closed = true;
        if (_stash is not null)
        {
            while (_stash.TryDequeue(out var stashed))
            {
                if (!ReferenceEquals(stashed.Message, Token))
                {
                    Cell.SendToDeadLetters(stashed.Message, stashed.Sender);
                }
            }
        }

        if (_local is not null)
        {
            while (_local.TryDequeue(out var held))
            {
                Cell.SendToDeadLetters(held.Message, held.Sender);
            }
        }

        Queued = 0;
    }

    /// <summary>
    /// Handles a global-queue entry that the dispatcher's fast path could not: the actor is not running (the entry is
    /// stashed, or dead-lettered once closed) or the entry is a token. Returns whether a message was handled.
    /// </summary>
    public bool DeliverSlow(object message, IActorRef? sender)
    {
        if (_closed)
        {
            if (!ReferenceEquals(message, Token))
            {
                Cell.SendToDeadLetters(message, sender);
            }

            return false;
        }

        if (!Cell.IsRunning)
        {
            (_stash ??= new Queue<(object, IActorRef?)>()).Enqueue((message, sender));
            return false;
        }

        if (ReferenceEquals(message, Token))
        {
            Debug.Assert(_local is not null, "Only DropOldest mailboxes enqueue tokens.");
            if (!_local.TryDequeue(out var held))
            {
                return false;
            }

            (message, sender) = held;
        }

        Queued--;
        Cell.InvokeUser(message, sender);
        return true;
    }
}
