using System.Collections.Concurrent;
using System.Threading.Channels;

namespace ActorArb.Actors.Runtime.Dispatch;

/// <summary>
/// A mailbox on <see cref="Channel{T}"/> processed by at most one thread-pool work item at a time: the
/// <c>_scheduled</c> flag is the actor's lock, so its fields are only ever touched by this loop.
/// </summary>
internal sealed class ThreadPoolMailbox : Mailbox, IThreadPoolWorkItem
{
    private readonly ActorCell _cell;
    private readonly ChannelReader<Envelope> _reader;
    private readonly ChannelWriter<Envelope> _writer;
    private readonly ConcurrentQueue<SystemMessage> _system = new();
    private readonly OverflowPolicy _overflow;
    private readonly int _throughput;
    private int _scheduled;
    private volatile bool _closed;

    public ThreadPoolMailbox(ActorCell cell, MailboxOptions options, int throughput)
    {
        _cell = cell;
        _throughput = throughput;
        _overflow = options.Overflow;
        Channel<Envelope> channel;
        if (!options.IsBounded)
        {
            channel = Channel.CreateUnbounded<Envelope>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });
        }
        else
        {
            var bounded = new BoundedChannelOptions(options.Capacity)
            {
                SingleReader = true,
                SingleWriter = false,
                FullMode = options.Overflow == OverflowPolicy.DropOldest ? BoundedChannelFullMode.DropOldest : BoundedChannelFullMode.Wait,
            };
            channel = Channel.CreateBounded<Envelope>(bounded, dropped => _cell.SendToDeadLetters(dropped.Message, dropped.Sender));
        }

        _reader = channel.Reader;
        _writer = channel.Writer;
    }

    public override int Count => _reader.Count;

    public override int Load => _reader.Count + Volatile.Read(ref _scheduled);

    public override void Post(object message, IActorRef? sender)
    {
        var envelope = new Envelope(message, sender);
        if (_writer.TryWrite(envelope))
        {
            Schedule();
            return;
        }

        if (_closed)
        {
            _cell.SendToDeadLetters(message, sender);
            return;
        }

        switch (_overflow)
        {
            case OverflowPolicy.Fail:
                throw new MailboxFullException($"Mailbox of {_cell.Path} is full.");
            case OverflowPolicy.Wait:
                WriteBlocking(envelope);
                return;
            default:
                _cell.SendToDeadLetters(message, sender);
                return;
        }
    }

    public override void PostSystem(SystemMessage message)
    {
        _system.Enqueue(message);
        Schedule();
    }

    public override void Resume()
    {
        // The processing loop re-checks the actor's state before every message, so nothing to do here.
    }

    public override void Close()
    {
        _closed = true;
        _writer.TryComplete();
        Drain();
    }

    public void Execute()
    {
        var budget = _throughput;
        while (true)
        {
            while (_system.TryDequeue(out var system))
            {
                _cell.InvokeSystem(system);
            }

            if (budget == 0 || !_cell.IsRunning || !_reader.TryRead(out var envelope))
            {
                break;
            }

            budget--;
            _cell.InvokeUser(envelope.Message, envelope.Sender);
        }

        if (_closed)
        {
            Drain();
        }

        // The full fence pairs with the producer's CompareExchange: either it sees 0 and schedules, or we see its item.
        Interlocked.Exchange(ref _scheduled, 0);
        if (!_system.IsEmpty || (_cell.IsRunning && _reader.TryPeek(out _)))
        {
            Schedule();
        }
    }

    private void Schedule()
    {
        if (Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    private void WriteBlocking(Envelope envelope)
    {
        try
        {
            var pending = _writer.WriteAsync(envelope);
            if (!pending.IsCompletedSuccessfully)
            {
                pending.AsTask().GetAwaiter().GetResult();
            }
        }
        catch (ChannelClosedException)
        {
            _cell.SendToDeadLetters(envelope.Message, envelope.Sender);
            return;
        }

        Schedule();
    }

    private void Drain()
    {
        while (_reader.TryRead(out var envelope))
        {
            _cell.SendToDeadLetters(envelope.Message, envelope.Sender);
        }
    }

    private readonly record struct Envelope(object Message, IActorRef? Sender);
}
