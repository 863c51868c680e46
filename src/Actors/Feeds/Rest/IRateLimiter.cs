namespace ActorArb.Actors.Feeds.Rest;

/// <summary>
/// Paces the requests to one venue so they stay within its published limits. Thread-safe: callers reserve their
/// share and wait on the limiter's clock until it is theirs, in the order they asked.
/// </summary>
public interface IRateLimiter
{
    /// <summary>
    /// Reserves <paramref name="cost"/> units of the limit (1 for a plain call, the request weight where a venue
    /// weighs requests) and completes when the request may be sent. A reservation cancelled while waiting stays
    /// spent, which only errs on the side of sending less.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The cost is not positive.</exception>
    /// <exception cref="OperationCanceledException">Cancelled while waiting.</exception>
    ValueTask WaitAsync(double cost, CancellationToken cancellationToken = default);
}
