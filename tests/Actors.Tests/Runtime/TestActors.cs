using ActorArb.Actors.Runtime;

namespace ActorArb.Actors.Tests.Runtime;

/// <summary>Messages the test actors understand.</summary>
internal static class TestMessages
{
    public sealed record Add(int Amount);

    public sealed record Fail(string Reason);

    public sealed record GetTotal;

    public sealed record Sequenced(int SenderId, int Sequence);

    public sealed record GetReport;

    public sealed record Report(int Handled, int OrderViolations, int MaxConcurrent);

    public sealed record Routed(string RouteePath, object Message);
}

/// <summary>Replies to every message with the same message.</summary>
internal sealed class EchoActor : ReceiveActor
{
    public EchoActor() => ReceiveAny(message => Sender.Tell(message, Self));

    public static Props Props() => ActorArb.Actors.Runtime.Props.Create(() => new EchoActor());
}

/// <summary>
/// Sums <see cref="TestMessages.Add"/>, throws on <see cref="TestMessages.Fail"/>, and reports its lifecycle to an
/// optional probe so that tests can see restarts and stops.
/// </summary>
internal sealed class CounterActor : ReceiveActor
{
    private readonly IActorRef? _probe;
    private int _total;

    public CounterActor(IActorRef? probe, Action? onConstruct = null)
    {
        _probe = probe;
        onConstruct?.Invoke();
        Receive<TestMessages.Add>(add =>
        {
            _total += add.Amount;
            _probe?.Tell($"added {add.Amount}");
        });
        Receive<TestMessages.Fail>(fail => throw new InvalidOperationException(fail.Reason));
        Receive<TestMessages.GetTotal>(_ => Sender.Tell(_total, Self));
    }

    public static Props Props(IActorRef? probe = null, Action? onConstruct = null) =>
        ActorArb.Actors.Runtime.Props.Create(() => new CounterActor(probe, onConstruct));

    protected override void PreRestart(Exception reason, object? message) =>
        _probe?.Tell($"pre-restart {reason.Message} {message}");

    protected override void PostRestart(Exception reason) => _probe?.Tell("post-restart");

    protected override void PostStop() => _probe?.Tell($"post-stop {Self.Path}");
}

/// <summary>
/// Spawns one child named "child" from the given props, supervises it with the given strategy (through the
/// <c>SupervisorStrategy()</c> override), forwards every other message to it, and reports its own lifecycle.
/// </summary>
internal sealed class ParentActor : ReceiveActor
{
    private readonly SupervisorStrategy? _strategy;
    private readonly IActorRef _probe;

    public ParentActor(Props childProps, SupervisorStrategy? strategy, IActorRef probe)
    {
        _strategy = strategy;
        _probe = probe;
        var child = Context.Spawn(childProps, "child");
        _probe.Tell("parent-started");
        ReceiveAny(message => child.Tell(message, Sender));
    }

    public static Props Props(Props childProps, SupervisorStrategy? strategy, IActorRef probe) =>
        ActorArb.Actors.Runtime.Props.Create(() => new ParentActor(childProps, strategy, probe));

    protected override SupervisorStrategy? SupervisorStrategy() => _strategy;

    protected override void PreRestart(Exception reason, object? message) => _probe.Tell($"parent-pre-restart {reason.Message}");

    protected override void PostStop() => _probe.Tell($"post-stop {Self.Path}");
}

/// <summary>Shared counters for <see cref="ConcurrencyCheckActor"/>, written only with interlocked operations.</summary>
internal sealed class ConcurrencyStats
{
    private int _inFlight;
    private int _maxConcurrent;

    public int MaxConcurrent => Volatile.Read(ref _maxConcurrent);

    public void Enter()
    {
        var now = Interlocked.Increment(ref _inFlight);
        int seen;
        while (now > (seen = Volatile.Read(ref _maxConcurrent)) && Interlocked.CompareExchange(ref _maxConcurrent, now, seen) != seen)
        {
        }
    }

    public void Exit() => Interlocked.Decrement(ref _inFlight);
}

/// <summary>
/// Checks the kernel's two core promises: one message at a time (tracked in <see cref="ConcurrencyStats"/>) and
/// FIFO per sender (each sender's sequence numbers must arrive in increasing order).
/// </summary>
internal sealed class ConcurrencyCheckActor : ReceiveActor
{
    private readonly Dictionary<int, int> _lastSequence = [];
    private int _handled;
    private int _violations;

    public ConcurrencyCheckActor(ConcurrencyStats stats)
    {
        Receive<TestMessages.Sequenced>(message =>
        {
            stats.Enter();
            Thread.SpinWait(20);
            // A non-atomic read-modify-write: concurrent handling would lose updates.
            _handled = _handled + 1;
            if (_lastSequence.TryGetValue(message.SenderId, out var last) && message.Sequence <= last)
            {
                _violations++;
            }

            _lastSequence[message.SenderId] = message.Sequence;
            stats.Exit();
        });
        Receive<TestMessages.GetReport>(_ => Sender.Tell(new TestMessages.Report(_handled, _violations, stats.MaxConcurrent), Self));
    }
}

/// <summary>Replies to every message with <see cref="TestMessages.Routed"/> naming itself, so router tests see who got what.</summary>
internal sealed class RouteeActor : ReceiveActor
{
    public RouteeActor() => ReceiveAny(message => Sender.Tell(new TestMessages.Routed(Self.Path, message), Self));
}

/// <summary>Forwards everything it receives (including <see cref="Terminated"/>) to a probe, and watches on request.</summary>
internal sealed class WatcherActor : ReceiveActor
{
    public sealed record WatchIt(IActorRef Target);

    public sealed record UnwatchIt(IActorRef Target);

    public WatcherActor(IActorRef probe)
    {
        Receive<WatchIt>(w => Context.Watch(w.Target));
        Receive<UnwatchIt>(w => Context.Unwatch(w.Target));
        ReceiveAny(message => probe.Tell(message, Sender));
    }
}
