namespace ActorArb.Actors.Feeds.Rest;

/// <summary>
/// A token bucket: up to <see cref="Capacity"/> tokens, refilled continuously at <see cref="RefillPerSecond"/>; a
/// request takes its cost in tokens. A caller that finds too few tokens takes them anyway, leaving the bucket in
/// debt, and waits until the refill has paid that debt: so bursts up to the capacity go at once, the long-run rate
/// never exceeds the refill rate, and concurrent callers are served in the order they arrived.
/// </summary>
public sealed class TokenBucket : IRateLimiter
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private double _tokens;
    private long _stamp;

    /// <summary>Creates a full bucket of <paramref name="capacity"/> tokens refilled at <paramref name="refillPerSecond"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The capacity or the refill rate is not positive and finite.</exception>
    public TokenBucket(double capacity, double refillPerSecond, TimeProvider? time = null)
    {
        if (!(capacity > 0 && double.IsFinite(capacity)))
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "A token bucket's capacity must be positive and finite.");
        }

        if (!(refillPerSecond > 0 && double.IsFinite(refillPerSecond)))
        {
            throw new ArgumentOutOfRangeException(nameof(refillPerSecond), refillPerSecond, "A token bucket's refill rate must be positive and finite.");
        }

        Capacity = capacity;
        RefillPerSecond = refillPerSecond;
        _time = time ?? TimeProvider.System;
        _tokens = capacity;
        _stamp = _time.GetTimestamp();
    }

    /// <summary>Gets the most tokens the bucket holds: the largest burst sent without waiting.</summary>
    public double Capacity { get; }

    /// <summary>Gets the tokens added per second: the long-run rate.</summary>
    public double RefillPerSecond { get; }

    /// <summary>Gets the tokens in the bucket now; negative while reservations wait for the refill.</summary>
    public double Tokens
    {
        get
        {
            lock (_gate)
            {
                Refill();
                return _tokens;
            }
        }
    }

    /// <inheritdoc />
    public ValueTask WaitAsync(double cost, CancellationToken cancellationToken = default)
    {
        var wait = Reserve(cost);
        return wait <= TimeSpan.Zero ? ValueTask.CompletedTask : new ValueTask(Task.Delay(wait, _time, cancellationToken));
    }

    /// <summary>Takes <paramref name="cost"/> tokens now and returns how long the caller must wait before it sends.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The cost is not positive and finite.</exception>
    public TimeSpan Reserve(double cost)
    {
        if (!(cost > 0 && double.IsFinite(cost)))
        {
            throw new ArgumentOutOfRangeException(nameof(cost), cost, "A request's cost must be positive and finite.");
        }

        lock (_gate)
        {
            Refill();
            _tokens -= cost;
            return _tokens >= 0 ? TimeSpan.Zero : RoundUp(-_tokens / RefillPerSecond);
        }
    }

    /// <summary>
    /// Returns a wait of <paramref name="seconds"/> rounded up to whole milliseconds, the resolution of
    /// <see cref="Task.Delay(TimeSpan, TimeProvider, CancellationToken)"/> (which truncates), so a caller never sends early.
    /// </summary>
    internal static TimeSpan RoundUp(double seconds) => TimeSpan.FromMilliseconds(Math.Ceiling(seconds * 1000));

    private void Refill()
    {
        var now = _time.GetTimestamp();
        _tokens = Math.Min(Capacity, _tokens + (_time.GetElapsedTime(_stamp, now).TotalSeconds * RefillPerSecond));
        _stamp = now;
    }
}
