using ActorArb.Actors.Runtime.Dispatch;

namespace ActorArb.Actors.Runtime;

/// <summary>
/// The kernel's record of one actor: its reference, its context, its mailbox and its current instance. A restart
/// swaps the instance but keeps the cell, so references held elsewhere stay valid. All state below is touched only
/// by the actor's own processing (the dispatcher guarantees one at a time), except <see cref="_children"/>, which
/// <see cref="ActorSystem.ActorOf"/> may also touch from outside and is therefore locked.
/// </summary>
internal sealed partial class ActorCell : IInternalActorRef, IActorContext
{
    private const int Running = 0;
    private const int Starting = 1;
    private const int Suspended = 2;
    private const int Stopping = 3;
    private const int Dead = 4;

    [ThreadStatic]
    private static ActorCell? t_constructing;

    private readonly ActorSystem _system;
    private readonly ActorCell? _parent;
    private readonly Props _props;
    private readonly Mailbox _mailbox;
    private readonly bool _isGuardian;
    private readonly Dictionary<string, ActorCell> _children = new(StringComparer.Ordinal);
    private readonly Lock _childrenLock = new();
    private ActorBase? _actor;
    private volatile int _state = Starting;
    private IActorRef? _currentSender;
    private ActorTimers? _timers;

    public ActorCell(ActorSystem system, ActorCell? parent, Props props, string name, bool isGuardian = false)
    {
        _system = system;
        _parent = parent;
        _props = props;
        _isGuardian = isGuardian;
        Name = name;
        Path = parent is null ? "/" + name : parent.Path + "/" + name;
        _mailbox = system.Dispatcher.CreateMailbox(this, props.Mailbox);
    }

    /// <summary>Gets the cell whose factory is running on this thread, for <see cref="ActorBase"/>'s constructor.</summary>
    public static ActorCell? Constructing => t_constructing;

    public string Name { get; }

    public string Path { get; }

    public ActorSystem System => _system;

    public IActorRef Self => this;

    public IActorRef Sender => _currentSender ?? _system.DeadLetters;

    /// <summary>Gets the sender of the message being handled, or <see langword="null"/> when there is none.</summary>
    public IActorRef? CurrentSender => _currentSender;

    /// <summary>
    /// Sets the sender seen by the rest of the current handling. A persistent actor handles the commands it set aside
    /// inline, within a later message, and each must still see (and reply to) its own sender.
    /// </summary>
    public void RestoreSender(IActorRef? sender) => _currentSender = sender;

    public IActorRef Parent => _parent ?? (IActorRef)this;

    public ITimerScheduler Timers => _timers ??= new ActorTimers(this);

    public IReadOnlyCollection<IActorRef> Children
    {
        get
        {
            lock (_childrenLock)
            {
                return [.. _children.Values];
            }
        }
    }

    /// <summary>Gets a value indicating whether the actor may handle user messages now.</summary>
    public bool IsRunning => _state == Running;

    /// <summary>Gets the number of user messages waiting in the mailbox.</summary>
    public int MailboxCount => _mailbox.Count;

    /// <summary>Gets the mailbox's load as the smallest-mailbox router sees it.</summary>
    public int MailboxLoad => _mailbox.Load;

    /// <summary>Gets the restart history that the parent's strategy consults.</summary>
    public RestartStats RestartStats { get; } = new();

    public void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        _mailbox.Post(message, sender);
    }

    public void SendSystem(SystemMessage message) => _mailbox.PostSystem(message);

    /// <summary>Starts the cell: the mailbox's first message builds the instance.</summary>
    public void Start() => _mailbox.PostSystem(CreateActor.Instance);

    /// <summary>Handles one user message; exceptions become supervision, never escape to the dispatcher.</summary>
    public void InvokeUser(object message, IActorRef? sender)
    {
        _currentSender = sender;
        try
        {
            if (message is PoisonPill)
            {
                BeginStop();
            }
            else if (message is TimerFired fired)
            {
                var payload = _timers?.Accept(fired);
                if (payload is not null)
                {
                    _currentSender = this;
                    _actor!.InvokeReceive(payload);
                }
            }
            else
            {
                _actor!.InvokeReceive(message);
            }
        }
#pragma warning disable CA1031 // Any exception from user code is a failure for the supervisor to decide on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Fail(ex, message);
        }

        _currentSender = null;
    }

    /// <summary>Sends a message that could not be delivered to dead letters (but never a dead letter twice).</summary>
    public void SendToDeadLetters(object message, IActorRef? sender)
    {
        if (message is DeadLetter or TimerFired)
        {
            return;
        }

        _system.DeadLetters.Tell(new DeadLetter(message, sender, this), sender);
    }

    public IActorRef Spawn(Props props, string name)
    {
        ArgumentNullException.ThrowIfNull(props);
        ValidateName(name);
        var effective = props.Router is null ? props : RouterProps(props);
        ActorCell child;
        lock (_childrenLock)
        {
            if (_state is Stopping or Dead)
            {
                throw new InvalidOperationException($"{Path} is stopping and cannot create children.");
            }

            if (_children.ContainsKey(name))
            {
                throw new InvalidActorNameException($"An actor named '{name}' already exists under {Path}.");
            }

            child = new ActorCell(_system, this, effective, name);
            _children.Add(name, child);
        }

        child.Start();
        return child;
    }

    public void Stop(IActorRef child)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (child is ActorCell cell)
        {
            cell.SendSystem(TerminateActor.Instance);
        }
    }

    public override string ToString() => Path;

    private static Props RouterProps(Props props)
    {
        var routerConfig = props.Router!;
        var routeeProps = props.WithoutRouter();
        var router = Props.Create(() => new Routing.RouterActor(routerConfig, routeeProps)).WithMailbox(props.Mailbox);
        return props.SupervisorStrategy is { } strategy ? router.WithSupervisorStrategy(strategy) : router;
    }

    private static void ValidateName(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Contains('/', StringComparison.Ordinal))
        {
            throw new InvalidActorNameException($"'{name}' is not a valid actor name: it must be non-empty and contain no '/'.");
        }
    }

    private void ReportHookFailure(string hook, Exception ex) =>
        _system.EventStream.Publish(new KernelError($"{Path} {hook}", ex));
}
