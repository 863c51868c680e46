namespace ActorArb.Actors.Feeds.Rest;

/// <summary>
/// Kraken's rate limit as Kraken describes it: a per-client call counter that each call raises by its cost and
/// that decays at a fixed rate per second; a call that would lift it above the maximum is refused. That counter is a
/// <see cref="TokenBucket"/> seen from the other side (counter = maximum - tokens, decay = refill), so this limiter is
/// one, named and read in Kraken's terms: the caller waits until enough has decayed, and concurrent callers go in turn.
/// </summary>
public sealed class KrakenCallCounter : IRateLimiter
{
    private readonly TokenBucket _bucket;

    /// <summary>Creates a counter at zero that may reach <paramref name="max"/> and decays by <paramref name="decayPerSecond"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The maximum or the decay is not positive and finite.</exception>
    public KrakenCallCounter(double max, double decayPerSecond, TimeProvider? time = null)
    {
        if (!(max > 0 && double.IsFinite(max)))
        {
            throw new ArgumentOutOfRangeException(nameof(max), max, "Kraken's counter maximum must be positive and finite.");
        }

        if (!(decayPerSecond > 0 && double.IsFinite(decayPerSecond)))
        {
            throw new ArgumentOutOfRangeException(nameof(decayPerSecond), decayPerSecond, "Kraken's counter decay must be positive and finite.");
        }

        _bucket = new TokenBucket(max, decayPerSecond, time);
    }

    /// <summary>Gets the counter's maximum.</summary>
    public double Max => _bucket.Capacity;

    /// <summary>Gets how much the counter decays per second.</summary>
    public double DecayPerSecond => _bucket.RefillPerSecond;

    /// <summary>
    /// Gets the counter now, including calls still waiting for their turn (above <see cref="Max"/> only by those:
    /// each is sent when the decay has brought it back to the maximum).
    /// </summary>
    public double Counter => Max - _bucket.Tokens;

    /// <inheritdoc />
    public ValueTask WaitAsync(double cost, CancellationToken cancellationToken = default) => _bucket.WaitAsync(cost, cancellationToken);

    /// <summary>Counts a call of <paramref name="cost"/> now and returns how long the caller must wait before it sends.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The cost is not positive and finite.</exception>
    public TimeSpan Reserve(double cost) => _bucket.Reserve(cost);
}
