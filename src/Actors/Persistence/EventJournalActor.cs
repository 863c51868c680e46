using System.Runtime.InteropServices;
using ActorArb.Actors.Runtime;

namespace ActorArb.Actors.Persistence;

/// <summary>
/// Writes the domain events the other actors hand it to an <see cref="IEventStore"/>, one stream per writer,
/// in the order received. Event ids derive from stream and sequence, so the same replay writes the same ids.
/// An append that completes synchronously (the in-memory store) costs no extra message; one that completes
/// later comes back as a message on the thread-pool dispatcher (appends received meanwhile wait, so a stream's order never
/// changes) and is awaited in place on the deterministic one.
/// </summary>
public sealed class EventJournalActor : ReceiveActor
{
    private readonly IEventStore _store;
    private readonly EventMetadata _metadata;
    private readonly Dictionary<string, (EventIds.StreamSeed Seed, long Sequence)> _streams = new(StringComparer.Ordinal);
    private readonly Queue<(object Message, IActorRef Sender)> _waiting = new();
    private bool _inFlight;
    private long _written;
    private long _failures;

    private EventJournalActor(IEventStore store, string node)
    {
        _store = store;
        _metadata = new EventMetadata(SourceNode: node);
        Receive<JournalProtocol.Append>(a => Handle(a));
        Receive<JournalProtocol.Flush>(f => Handle(f, Sender));
        Receive<JournalProtocol.AsyncAppendCompleted>(Handle);
    }

    /// <summary>Returns the props of a journal writing to <paramref name="store"/> as node <paramref name="node"/>.</summary>
    public static Props Props(IEventStore store, string node) => Runtime.Props.Create(() => new EventJournalActor(store, node));

    private void Handle(JournalProtocol.Append append)
    {
        if (_inFlight)
        {
            _waiting.Enqueue((append, Self));
            return;
        }

        // One lookup per append: stream ids are long and this is the replay's hot path.
        ref var stream = ref CollectionsMarshal.GetValueRefOrAddDefault(_streams, append.StreamId, out var known);
        if (!known)
        {
            stream.Seed = EventIds.Seed(append.StreamId);
        }

        var data = new EventData[append.Events.Length];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = EventData.Create(stream.Seed, stream.Sequence + i + 1, append.Events[i], _metadata);
        }

        stream.Sequence += data.Length;
        var pending = _store.AppendAsync(append.StreamId, ExpectedVersion.Any, data);
        if (pending.IsCompletedSuccessfully)
        {
            _written += pending.Result.Written;
            return;
        }

        if (Context.System.Deterministic is not null)
        {
            // The deterministic dispatcher takes messages only from its driving thread, so an asynchronous store
            // is awaited right here: replay stays single-threaded and gives the same result at any store latency.
            _written += pending.AsTask().GetAwaiter().GetResult().Written;
            return;
        }

        _inFlight = true;
        var self = Self;
        var streamId = append.StreamId;
        var count = data.Length;
        pending.AsTask().ContinueWith(
            t => self.Tell(new JournalProtocol.AsyncAppendCompleted(streamId, count, t.Exception?.GetBaseException())),
            TaskScheduler.Default);
    }

    private void Handle(JournalProtocol.AsyncAppendCompleted completed)
    {
        _inFlight = false;
        if (completed.Error is null)
        {
            _written += completed.Count;
        }
        else
        {
            _failures++;
            Context.System.EventStream.Publish(new JournalProtocol.AppendFailed(completed.StreamId, completed.Count, completed.Error.Message));
        }

        // Drain inline rather than re-sending to self: later mailbox messages must not overtake queued ones.
        while (!_inFlight && _waiting.TryDequeue(out var next))
        {
            switch (next.Message)
            {
                case JournalProtocol.Append a:
                    Handle(a);
                    break;
                case JournalProtocol.Flush f:
                    Handle(f, next.Sender);
                    break;
            }
        }
    }

    private void Handle(JournalProtocol.Flush flush, IActorRef sender)
    {
        if (_inFlight)
        {
            _waiting.Enqueue((flush, sender));
            return;
        }

        sender.Tell(new JournalProtocol.Flushed(_written, _failures), Self);
    }
}
