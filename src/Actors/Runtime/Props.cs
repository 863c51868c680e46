namespace ActorArb.Actors.Runtime;

/// <summary>
/// An immutable recipe for an actor: the factory that builds a fresh instance (called again on every restart), the
/// supervisor strategy it applies to its children, its mailbox, and an optional pool router.
/// </summary>
public sealed record Props
{
    private Props(Func<ActorBase> factory) => Factory = factory;

    /// <summary>
    /// Gets the strategy an actor made from these props applies to its children (as in Akka). For a top-level actor
    /// (one made with <see cref="ActorSystem.ActorOf"/>) the <c>/user</c> guardian applies this same strategy to the
    /// actor itself, so a top-level actor can be given, e.g., a <see cref="BackoffStrategy"/> without a wrapper parent.
    /// </summary>
    public SupervisorStrategy? SupervisorStrategy { get; private init; }

    /// <summary>Gets the mailbox options; unbounded unless set.</summary>
    public MailboxOptions Mailbox { get; private init; } = MailboxOptions.Unbounded;

    /// <summary>Gets the pool router, or <see langword="null"/> for a plain actor.</summary>
    public RouterConfig? Router { get; private init; }

    internal Func<ActorBase> Factory { get; }

    /// <summary>Returns props whose actors are built by <paramref name="factory"/>.</summary>
    public static Props Create<TActor>(Func<TActor> factory)
        where TActor : ActorBase
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new Props(factory);
    }

    /// <summary>Returns a copy that supervises children with <paramref name="strategy"/>.</summary>
    public Props WithSupervisorStrategy(SupervisorStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        return this with { SupervisorStrategy = strategy };
    }

    /// <summary>Returns a copy with the given mailbox options.</summary>
    public Props WithMailbox(MailboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Capacity);
        return this with { Mailbox = options };
    }

    /// <summary>
    /// Returns a copy that creates a pool router: the router spawns <c>NrOfInstances</c> routees from these props
    /// (without the router) and forwards each message to one or all of them, keeping the original sender.
    /// </summary>
    public Props WithRouter(RouterConfig router)
    {
        ArgumentNullException.ThrowIfNull(router);
        return this with { Router = router };
    }

    internal Props WithoutRouter() => this with { Router = null };
}
