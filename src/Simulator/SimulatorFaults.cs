namespace ActorArb.Simulator;

/// <summary>
/// The faults the simulator injects. Immutable: change them while running by assigning
/// <see cref="ExchangeSimulator.Faults"/> (e.g. <c>sim.Faults = sim.Faults with { DuplicateFraction = 0.1 }</c>).
/// Fractions are probabilities per trade message (WebSocket) or per request (REST), drawn from random generators
/// seeded with <see cref="SimulatorOptions.Seed"/>, so the same seed and the same traffic give the same choices.
/// </summary>
public sealed record SimulatorFaults
{
    /// <summary>Gets the settings that inject nothing.</summary>
    public static SimulatorFaults None { get; } = new();

    /// <summary>Gets the period after which every open WebSocket connection is aborted (no close frame); null for never.</summary>
    public TimeSpan? DropEvery { get; init; }

    /// <summary>Gets the period after which every connection stops sending for <see cref="StallFor"/>; null for never.</summary>
    public TimeSpan? StallEvery { get; init; }

    /// <summary>Gets how long a periodic stall lasts.</summary>
    public TimeSpan StallFor { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets the fraction of trade update messages sent twice in a row.</summary>
    public double DuplicateFraction { get; init; }

    /// <summary>Gets the fraction of trade update messages held back and sent after the next trade message.</summary>
    public double ReorderFraction { get; init; }

    /// <summary>
    /// Gets the fraction of trade update messages replaced by a corrupted copy (truncated, garbage text, or an unknown
    /// message type), so their trades are lost on the wire and must be refilled from REST.
    /// </summary>
    public double CorruptFraction { get; init; }

    /// <summary>
    /// Gets how many malformed messages each new connection receives in addition to its valid ones, one after each
    /// trade message until they are used up.
    /// </summary>
    public int MalformedPerConnection { get; init; }

    /// <summary>Gets the fraction of REST requests refused as rate-limited.</summary>
    public double RestRateLimitFraction { get; init; }

    /// <summary>Gets the REST request rate per venue (over the last second) above which requests are refused; null for no limit.</summary>
    public double? RestMaxRequestsPerSecond { get; init; }

    /// <summary>Gets the wait a rate-limited answer asks for (its <c>Retry-After</c> header, in whole seconds rounded up).</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Throws when a fraction lies outside [0, 1] or a period or count is not positive.</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public void Validate()
    {
        CheckFraction(DuplicateFraction, nameof(DuplicateFraction));
        CheckFraction(ReorderFraction, nameof(ReorderFraction));
        CheckFraction(CorruptFraction, nameof(CorruptFraction));
        CheckFraction(RestRateLimitFraction, nameof(RestRateLimitFraction));
        CheckPeriod(DropEvery, nameof(DropEvery));
        CheckPeriod(StallEvery, nameof(StallEvery));
        CheckPeriod(StallFor, nameof(StallFor));
        if (MalformedPerConnection < 0)
        {
            throw new ArgumentException($"SimulatorFaults.MalformedPerConnection must not be negative, not {MalformedPerConnection}.", nameof(MalformedPerConnection));
        }

        if (RestMaxRequestsPerSecond is { } rate && !(rate > 0))
        {
            throw new ArgumentException($"SimulatorFaults.RestMaxRequestsPerSecond must be positive, not {rate}.", nameof(RestMaxRequestsPerSecond));
        }

        if (RetryAfter < TimeSpan.Zero)
        {
            throw new ArgumentException($"SimulatorFaults.RetryAfter must not be negative, not {RetryAfter}.", nameof(RetryAfter));
        }
    }

    private static void CheckFraction(double value, string name)
    {
        if (!(value >= 0 && value <= 1))
        {
            throw new ArgumentException($"SimulatorFaults.{name} must lie in [0, 1], not {value}.", name);
        }
    }

    private static void CheckPeriod(TimeSpan? value, string name)
    {
        if (value is { } period && period <= TimeSpan.Zero)
        {
            throw new ArgumentException($"SimulatorFaults.{name} must be positive, not {period}.", name);
        }
    }
}
