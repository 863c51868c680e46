using System.Globalization;
using ActorArb.Actors.Runtime.Dispatch;
using ActorArb.Domain.Time;

namespace ActorArb.Actors.Runtime;

/// <summary>
/// A tree of actors under one <c>/user</c> guardian, with its dispatcher, scheduler, event stream and dead letters.
/// <see cref="Create"/> gives the live/paper system (thread pool, wall clock); <see cref="CreateDeterministic"/> gives
/// the replay/test system (one thread, virtual time, driven through <see cref="Deterministic"/>).
/// </summary>
public sealed class ActorSystem : IAsyncDisposable
{
    private readonly ActorCell _guardian;
    private readonly TaskCompletionSource _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly DeadLetterRef _deadLetters;
    private long _tempCounter;

    private ActorSystem(string name, IDispatcher dispatcher, IInternalScheduler scheduler, IClock clock, SupervisorStrategy defaultStrategy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Dispatcher = dispatcher;
        SchedulerCore = scheduler;
        Clock = clock;
        DefaultSupervisorStrategy = defaultStrategy;
        Deterministic = dispatcher as DeterministicDispatcher;
        EventStream = new EventStream();
        _deadLetters = new DeadLetterRef(this);
        _guardian = new ActorCell(this, null, Props.Create(() => new GuardianActor()), "user", isGuardian: true);
        _guardian.Start();
    }

    /// <summary>Gets the system's name.</summary>
    public string Name { get; }

    /// <summary>Gets the system-wide publish/subscribe bus.</summary>
    public EventStream EventStream { get; }

    /// <summary>Gets the dead-letter office: it publishes every message it receives as a <see cref="DeadLetter"/> on <see cref="EventStream"/>.</summary>
    public IActorRef DeadLetters => _deadLetters;

    /// <summary>Gets the number of dead letters so far.</summary>
    public long DeadLetterCount => _deadLetters.Count;

    /// <summary>Gets the scheduler (virtual time in deterministic mode).</summary>
    public IScheduler Scheduler => SchedulerCore;

    /// <summary>Gets the clock: the system clock in live mode, the <see cref="ManualClock"/> in deterministic mode.</summary>
    public IClock Clock { get; }

    /// <summary>Gets the deterministic dispatcher, or <see langword="null"/> for a thread-pool system.</summary>
    public DeterministicDispatcher? Deterministic { get; }

    /// <summary>Gets a task that completes once every actor has stopped after <see cref="TerminateAsync"/>.</summary>
    public Task WhenTerminated => _terminated.Task;

    internal IDispatcher Dispatcher { get; }

    internal IInternalScheduler SchedulerCore { get; }

    internal SupervisorStrategy DefaultSupervisorStrategy { get; }

    internal bool IsDeterministic => Deterministic is not null;

    /// <summary>Creates a thread-pool system (live and paper modes).</summary>
    public static ActorSystem Create(string name, ActorSystemOptions? options = null)
    {
        options ??= new ActorSystemOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Throughput, 1);
        EventStream? stream = null;
        var scheduler = new LiveScheduler(options.Clock, ex => stream?.Publish(new KernelError("scheduler", ex)));
        var system = new ActorSystem(name, new ThreadPoolDispatcher(options.Throughput), scheduler, options.Clock, options.DefaultSupervisorStrategy);
        stream = system.EventStream;
        return system;
    }

    /// <summary>Creates a deterministic system driven by <c>Deterministic.RunUntilIdle()</c> and <c>Advance</c> on <paramref name="clock"/>.</summary>
    public static ActorSystem CreateDeterministic(string name, ManualClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var dispatcher = new DeterministicDispatcher(clock);
        return new ActorSystem(name, dispatcher, dispatcher.Scheduler, clock, SupervisorStrategy.Default);
    }

    /// <summary>Creates a top-level actor at <c>/user/<paramref name="name"/></c>.</summary>
    /// <exception cref="InvalidActorNameException">The name is invalid or already taken.</exception>
    public IActorRef ActorOf(Props props, string name) => _guardian.Spawn(props, name);

    /// <summary>Stops <paramref name="actor"/>: its children first, then its <c>PostStop</c>, then its watchers are told.</summary>
    public void Stop(IActorRef actor) => _guardian.Stop(actor);

    /// <summary>
    /// Stops every actor and the scheduler. In deterministic mode it runs the dispatcher until idle and returns a
    /// completed task; in thread-pool mode the task completes when the last actor has stopped.
    /// </summary>
    public async Task TerminateAsync()
    {
        _guardian.SendSystem(TerminateActor.Instance);
        if (Deterministic is { } deterministic)
        {
            deterministic.RunUntilIdle();
        }
        else
        {
            await _terminated.Task.ConfigureAwait(false);
        }

        SchedulerCore.Shutdown();
    }

    /// <summary>Terminates the system.</summary>
    public async ValueTask DisposeAsync() => await TerminateAsync().ConfigureAwait(false);

    /// <inheritdoc />
    public override string ToString() => Name;

    internal string NextTempPath(string prefix) =>
        "/temp/" + prefix + "-" + Interlocked.Increment(ref _tempCounter).ToString(CultureInfo.InvariantCulture);

    internal void OnGuardianStopped() => _terminated.TrySetResult();

    private sealed class GuardianActor : ActorBase
    {
        protected override void OnReceive(object message) => Unhandled(message);
    }
}
