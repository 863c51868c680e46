namespace ActorArb.Actors.Feeds.Rest;

/// <summary>
/// Kraken's rate limit as Kraken describes it: a per-client call counter that each call raises by its cost and
/// that decays at a fixed rate per second; a call that would lift it above the maximum is refused. This limiter
/// keeps the counter at or below the maximum by making the caller wait until enough has decayed. Like
/// <see cref="TokenBucket"/>, a waiting caller has already counted its call, so concurrent callers go in turn.
/// </summary>
public sealed class KrakenCallCounter : IRateLimiter
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private double _counter;
    private long _stamp;

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

        Max = max;
        DecayPerSecond = decayPerSecond;
        _time = time ?? TimeProvider.System;
        _stamp = _time.GetTimestamp();
    }

    /// <summary>Gets the counter's maximum.</summary>
    public double Max { get; }

    /// <summary>Gets how much the counter decays per second.</summary>
    public double DecayPerSecond { get; }

    /// <summary>
    /// Gets the counter now, including calls still waiting for their turn (above <see cref="Max"/> only by those:
    /// each is sent when the decay has brought it back to the maximum).
    /// </summary>
    public double Counter
    {
        get
        {
            lock (_gate)
            {
                Decay();
                return _counter;
            }
        }
    }

    /// <inheritdoc />
    public ValueTask WaitAsync(double cost, CancellationToken cancellationToken = default)
    {
        var wait = Reserve(cost);
        return wait <= TimeSpan.Zero ? ValueTask.CompletedTask : new ValueTask(Task.Delay(wait, _time, cancellationToken));
    }

    /// <summary>Counts a call of <paramref name="cost"/> now and returns how long the caller must wait before it sends.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The cost is not positive and finite.</exception>
    public TimeSpan Reserve(double cost)
    {
        if (!(cost > 0 && double.IsFinite(cost)))
        {
            throw new ArgumentOutOfRangeException(nameof(cost), cost, "A call's cost must be positive and finite.");
        }

        lock (_gate)
        {
            Decay();
            _counter += cost;
            return _counter <= Max ? TimeSpan.Zero : TokenBucket.RoundUp((_counter - Max) / DecayPerSecond);
        }
    }

    private void Decay()
    {
        var now = _time.GetTimestamp();
        _counter = Math.Max(0, _counter - (_time.GetElapsedTime(_stamp, now).TotalSeconds * DecayPerSecond));
        _stamp = now;
    }
}
