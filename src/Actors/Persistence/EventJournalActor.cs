using System.Collections.Immutable;
using System.Runtime.InteropServices;
using ActorArb.Actors.Runtime;

namespace ActorArb.Actors.Persistence;

/// <summary>
/// Writes the domain events the other actors hand it to an <see cref="IEventStore"/>, one stream per writer,
/// in the order received. Event ids derive from stream and sequence, so the same replay writes the same ids.
/// A live journal continues each stream from the version the store holds (read once per stream), so after a
/// restart new events never reuse stored ids; a replay journal starts each stream where its
/// <see cref="JournalStart"/> says. An append (or version read) that completes synchronously (the in-memory
/// store) costs no extra message; one that completes later comes back as a message on the thread-pool dispatcher
/// (appends received meanwhile wait, so a stream's order never changes) and is awaited in place on the
/// deterministic one. Appends to one stream that waited right behind each other go to the store as one append (up to
/// <see cref="MaxCoalescedEvents"/> events), so a store with a round trip per append (PostgreSQL) keeps up with a
/// busy stream; the events, their order and their ids are the same either way.
/// </summary>
public sealed class EventJournalActor : ReceiveActor
{
    /// <summary>The most events one coalesced append carries.</summary>
    public const int MaxCoalescedEvents = 16_384;

    private readonly IEventStore _store;
    private readonly EventMetadata _metadata;
    private readonly JournalStart? _start;
    private readonly Dictionary<string, Stream> _streams = new(StringComparer.Ordinal);
    private readonly Queue<(object Message, IActorRef Sender)> _waiting = new();
    private JournalProtocol.Append? _blocked;
    private bool _inFlight;
    private long _written;
    private long _failures;

    private EventJournalActor(IEventStore store, string node, JournalStart? start)
    {
        _store = store;
        _start = start;
        _metadata = new EventMetadata(SourceNode: node);
        Receive<JournalProtocol.Append>(a => Handle(a));
        Receive<JournalProtocol.Flush>(f => Handle(f, Sender));
        Receive<JournalProtocol.GetSequences>(g => Handle(g, Sender));
        Receive<JournalProtocol.AsyncAppendCompleted>(Handle);
        Receive<JournalProtocol.VersionLoaded>(Handle);
    }

    /// <summary>
    /// Returns the props of a live journal writing to <paramref name="store"/> as node <paramref name="node"/>: each
    /// stream continues after the version the store holds.
    /// </summary>
    public static Props Props(IEventStore store, string node) => Runtime.Props.Create(() => new EventJournalActor(store, node, null));

    /// <summary>
    /// Returns the props of a replay journal: each stream starts where <paramref name="start"/> says (sequence 1 when
    /// it does not name the stream), whatever the store holds, so a deterministic replay writes the same ids again
    /// and the store's idempotency skips those already there.
    /// </summary>
    public static Props Props(IEventStore store, string node, JournalStart start)
    {
        ArgumentNullException.ThrowIfNull(start);
        return Runtime.Props.Create(() => new EventJournalActor(store, node, start));
    }

    private void Handle(JournalProtocol.Append append)
    {
        if (_inFlight)
        {
            _waiting.Enqueue((append, Self));
            return;
        }

        // One lookup per append: stream ids are long and this is the replay's hot path.
        ref var stream = ref CollectionsMarshal.GetValueRefOrNullRef(_streams, append.StreamId);
        if (System.Runtime.CompilerServices.Unsafe.IsNullRef(ref stream))
        {
            if (!Open(append))
            {
                return;
            }

            stream = ref CollectionsMarshal.GetValueRefOrNullRef(_streams, append.StreamId);
        }

        var first = stream.Sequence + 1;
        stream.Sequence += append.Events.Length;

        // Events a replay re-produces up to the checkpoint are stored already: send only those after it.
        var skip = (int)Math.Clamp(stream.Durable - first + 1, 0, append.Events.Length);
        if (skip == append.Events.Length)
        {
            return;
        }

        var data = new EventData[append.Events.Length - skip];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = EventData.Create(stream.Seed, first + skip + i, append.Events[skip + i], _metadata);
        }

        var pending = _store.AppendAsync(append.StreamId, ExpectedVersion.Any, data);
        if (pending.IsCompletedSuccessfully)
        {
            _written += pending.Result.Written;
            return;
        }

        if (Context.System.IsDeterministic)
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

    /// <summary>
    /// Registers the stream of <paramref name="append"/> at its starting sequence and returns true; or, when the
    /// store's answer has to be awaited on the thread-pool dispatcher, holds the append back and returns false.
    /// </summary>
    private bool Open(JournalProtocol.Append append)
    {
        var id = append.StreamId;
        if (_start is { } start)
        {
            Register(id, start.Next.GetValueOrDefault(id), start.Durable.GetValueOrDefault(id));
            return true;
        }

        var pending = _store.GetStreamVersionAsync(id);
        if (pending.IsCompletedSuccessfully || Context.System.IsDeterministic)
        {
            // A store that fails here fails the actor: writing with a guessed sequence would reuse stored ids.
            Register(id, pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult(), 0);
            return true;
        }

        _inFlight = true;
        _blocked = append;
        var self = Self;
        pending.AsTask().ContinueWith(
            t => self.Tell(new JournalProtocol.VersionLoaded(id, t.IsCompletedSuccessfully ? t.Result : 0, t.Exception?.GetBaseException())),
            TaskScheduler.Default);
        return false;
    }

    private void Register(string streamId, long sequence, long durable) =>
        _streams.Add(streamId, new Stream { Seed = EventIds.Seed(streamId), Sequence = sequence, Durable = durable });

    private void Handle(JournalProtocol.VersionLoaded loaded)
    {
        _inFlight = false;
        var append = _blocked!;
        _blocked = null;
        if (loaded.Error is null)
        {
            Register(loaded.StreamId, loaded.Version, 0);
            Handle(append);
        }
        else
        {
            // The stream stays unknown, so its next append asks the store again.
            _failures++;
            Context.System.EventStream.Publish(new JournalProtocol.AppendFailed(loaded.StreamId, append.Events.Length, loaded.Error.Message));
        }

        Drain();
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

        Drain();
    }

    /// <summary>Handles the messages set aside, inline rather than re-sent to self: later mailbox messages must not overtake them.</summary>
    private void Drain()
    {
        while (!_inFlight && _waiting.TryDequeue(out var next))
        {
            switch (next.Message)
            {
                case JournalProtocol.Append a:
                    Handle(Coalesce(a));
                    break;
                case JournalProtocol.Flush f:
                    Handle(f, next.Sender);
                    break;
                case JournalProtocol.GetSequences g:
                    Handle(g, next.Sender);
                    break;
            }
        }
    }

    /// <summary>Joins the appends to the stream of <paramref name="first"/> that wait right behind it into one.</summary>
    private JournalProtocol.Append Coalesce(JournalProtocol.Append first)
    {
        if (!NextJoins(first.StreamId, first.Events.Length))
        {
            return first;
        }

        var events = ImmutableArray.CreateBuilder<Domain.Events.IDomainEvent>();
        events.AddRange(first.Events);
        while (NextJoins(first.StreamId, events.Count))
        {
            events.AddRange(((JournalProtocol.Append)_waiting.Dequeue().Message).Events);
        }

        return new JournalProtocol.Append(first.StreamId, events.DrainToImmutable());
    }

    private bool NextJoins(string streamId, int events) =>
        _waiting.TryPeek(out var next) && next.Message is JournalProtocol.Append a && a.StreamId == streamId && events + a.Events.Length <= MaxCoalescedEvents;

    private void Handle(JournalProtocol.Flush flush, IActorRef sender)
    {
        if (_inFlight)
        {
            _waiting.Enqueue((flush, sender));
            return;
        }

        sender.Tell(new JournalProtocol.Flushed(_written, _failures), Self);
    }

    private void Handle(JournalProtocol.GetSequences get, IActorRef sender)
    {
        if (_inFlight)
        {
            _waiting.Enqueue((get, sender));
            return;
        }

        // A stream a replay resumed but has not written to since still counts, at the sequence it resumed from.
        var resumed = _start?.Next.Where(s => !_streams.ContainsKey(s.Key)).Select(s => new JournalProtocol.StreamSequence(s.Key, s.Value)) ?? [];
        var streams = _streams
            .Select(s => new JournalProtocol.StreamSequence(s.Key, s.Value.Sequence))
            .Concat(resumed)
            .OrderBy(s => s.StreamId, StringComparer.Ordinal)
            .ToImmutableArray();
        sender.Tell(new JournalProtocol.Sequences(streams), Self);
    }

    /// <summary>A stream's id seed, the last sequence handed out, and the sequence up to which events are stored already.</summary>
    private struct Stream
    {
        public EventIds.StreamSeed Seed;
        public long Sequence;
        public long Durable;
    }
}
