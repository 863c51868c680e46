using ActorArb.Domain.Time;

namespace ActorArb.Actors.Runtime;

/// <summary>Options for a thread-pool <see cref="ActorSystem"/> (live and paper modes).</summary>
public sealed record ActorSystemOptions
{
    /// <summary>
    /// Gets the most messages one actor handles before it gives its thread back to the pool, so that a busy actor
    /// cannot starve the others. Defaults to 64.
    /// </summary>
    public int Throughput { get; init; } = 64;

    /// <summary>Gets the clock; defaults to <see cref="SystemClock.Instance"/>.</summary>
    public IClock Clock { get; init; } = SystemClock.Instance;

    /// <summary>
    /// Gets the strategy used when neither the parent actor nor its props name one; defaults to
    /// <see cref="SupervisorStrategy.Default"/> (restart, except stop on initialization failures).
    /// </summary>
    public SupervisorStrategy DefaultSupervisorStrategy { get; init; } = SupervisorStrategy.Default;
}
