using System.Collections.Concurrent;
using ActorArb.Actors.Runtime.Dispatch;

namespace ActorArb.Actors.Runtime.Testing;

/// <summary>
/// A reference that records what it is told, for tests, like Akka.TestKit's probe. On a deterministic system every
/// expectation first runs the dispatcher until idle and then looks at what has arrived, never waiting on wall time
/// (advance virtual time with <c>system.Deterministic.Advance</c> to make timers fire). On a thread-pool system
/// expectations wait up to a real timeout (3 s by default; 100 ms for <see cref="ExpectNoMsg"/>).
/// </summary>
public sealed class TestProbe : IInternalActorRef
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan DefaultNoMsgDuration = TimeSpan.FromMilliseconds(100);

    private readonly ConcurrentQueue<(object Message, IActorRef? Sender)> _queue = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private IActorRef? _lastSender;

    /// <summary>Creates a probe on <paramref name="system"/>.</summary>
    public TestProbe(ActorSystem system, string name = "probe")
    {
        ArgumentNullException.ThrowIfNull(system);
        System = system;
        Path = system.NextTempPath(name);
    }

    /// <inheritdoc />
    public string Path { get; }

    /// <summary>Gets the system the probe belongs to.</summary>
    public ActorSystem System { get; }

    /// <summary>Gets the sender of the last message taken by an expectation (dead letters when it had none).</summary>
    public IActorRef LastSender => _lastSender ?? System.DeadLetters;

    /// <summary>Gets the number of received messages not yet taken by an expectation.</summary>
    public int Pending => _queue.Count;

    /// <inheritdoc />
    public void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        _queue.Enqueue((message, sender));
        _arrived.Release();
    }

    /// <summary>Takes the next message and returns it if it is a <typeparamref name="T"/>; throws otherwise or if none arrives.</summary>
    public T ExpectMsg<T>(TimeSpan? timeout = null)
    {
        var message = Take(timeout ?? DefaultTimeout, typeof(T).Name);
        return message is T typed
            ? typed
            : throw new TestProbeException($"{Path} expected a {typeof(T).Name} but got {Describe(message)}.");
    }

    /// <summary>Takes the next message and returns it if it is a <typeparamref name="T"/> satisfying <paramref name="predicate"/>.</summary>
    public T ExpectMsg<T>(Func<T, bool> predicate, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var typed = ExpectMsg<T>(timeout);
        return predicate(typed)
            ? typed
            : throw new TestProbeException($"{Path} got {Describe(typed!)}, which does not satisfy the predicate.");
    }

    /// <summary>Throws if any message arrives: in deterministic mode after running until idle, else within <paramref name="duration"/>.</summary>
    public void ExpectNoMsg(TimeSpan? duration = null)
    {
        if (TryTake(duration ?? DefaultNoMsgDuration, out var message))
        {
            throw new TestProbeException($"{Path} expected no message but got {Describe(message)}.");
        }
    }

    /// <summary>
    /// Takes messages until one is a <typeparamref name="T"/> satisfying <paramref name="predicate"/> and returns it;
    /// the messages skipped on the way are discarded.
    /// </summary>
    public T FishForMessage<T>(Func<T, bool> predicate, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var limit = timeout ?? DefaultTimeout;
        // One deadline for the whole search, kept by a timer rather than by reading the clock between messages.
        using var deadline = new CancellationTokenSource(limit);
        var skipped = new List<string>();
        while (TryTake(limit, deadline.Token, out var message))
        {
            if (message is T typed && predicate(typed))
            {
                return typed;
            }

            skipped.Add(Describe(message));
        }

        throw new TestProbeException(
            $"{Path} found no {typeof(T).Name} satisfying the predicate; skipped [{string.Join(", ", skipped)}].");
    }

    /// <summary>Tells <paramref name="target"/> <paramref name="message"/> with this probe as the sender.</summary>
    public void Send(IActorRef target, object message)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Tell(message, this);
    }

    /// <summary>Tells <see cref="LastSender"/> <paramref name="message"/> with this probe as the sender.</summary>
    public void Reply(object message) => LastSender.Tell(message, this);

    /// <summary>Asks to receive <see cref="Terminated"/> when <paramref name="a"/> stops.</summary>
    public void Watch(IActorRef a)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a is ActorCell cell)
        {
            cell.SendSystem(new WatchRequest(this));
        }
    }

    /// <summary>Stops watching <paramref name="a"/>.</summary>
    public void Unwatch(IActorRef a)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a is ActorCell cell)
        {
            cell.SendSystem(new UnwatchRequest(this));
        }
    }

    /// <inheritdoc />
    public override string ToString() => Path;

    private static string Describe(object message) => $"{message.GetType().Name} {message}";

    private object Take(TimeSpan timeout, string expected) =>
        TryTake(timeout, out var message)
            ? message
            : throw new TestProbeException(System.Deterministic is null
                ? $"{Path} expected a {expected} within {timeout} but got nothing."
                : $"{Path} expected a {expected} but nothing arrived after running until idle (at virtual time {System.Deterministic.NowMs}).");

    private bool TryTake(TimeSpan timeout, out object message) => TryTake(timeout, CancellationToken.None, out message);

    private bool TryTake(TimeSpan timeout, CancellationToken deadline, out object message)
    {
        bool arrived;
        if (System.Deterministic is { } deterministic)
        {
            deterministic.RunUntilIdle();
            arrived = _arrived.Wait(0, CancellationToken.None);
        }
        else
        {
            try
            {
                arrived = _arrived.Wait(timeout, deadline);
            }
            catch (OperationCanceledException)
            {
                arrived = false;
            }
        }

        if (!arrived || !_queue.TryDequeue(out var entry))
        {
            message = null!;
            return false;
        }

        _lastSender = entry.Sender;
        message = entry.Message;
        return true;
    }
}
