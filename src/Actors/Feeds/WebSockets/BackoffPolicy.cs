namespace ActorArb.Actors.Feeds.WebSockets;

/// <summary>
/// Computes retry delays: <c>initial × multiplier^(failures - 1)</c>, capped at <c>max</c>, then scaled by a uniform
/// jitter in [1 - jitter, 1 + jitter) and capped again, so no delay ever exceeds <c>max</c>.
/// </summary>
/// <remarks>Not thread-safe when seeded: one reconnect loop owns it.</remarks>
internal sealed class BackoffPolicy(TimeSpan initial, TimeSpan max, double multiplier, double jitter, Random random)
{
    /// <summary>Creates the policy described by <paramref name="options"/>.</summary>
    public static BackoffPolicy From(ReconnectingWebSocketOptions options) => new(
        options.InitialBackoff,
        options.MaxBackoff,
        options.BackoffMultiplier,
        options.Jitter,
        options.JitterSeed is { } seed ? new Random(seed) : Random.Shared);

    /// <summary>Returns the delay, without jitter, after <paramref name="failures"/> consecutive failures (1-based).</summary>
    public TimeSpan BaseDelay(int failures)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);

        // Math.Pow overflows to infinity for long streaks; Math.Min turns that into the cap.
        var ms = initial.TotalMilliseconds * Math.Pow(multiplier, failures - 1);
        return TimeSpan.FromMilliseconds(Math.Min(ms, max.TotalMilliseconds));
    }

    /// <summary>Returns the jittered delay to wait after <paramref name="failures"/> consecutive failures (1-based).</summary>
    public TimeSpan Delay(int failures)
    {
        var baseMs = BaseDelay(failures).TotalMilliseconds;
        var scale = 1 + (jitter * ((2 * random.NextDouble()) - 1));
        return TimeSpan.FromMilliseconds(Math.Min(baseMs * scale, max.TotalMilliseconds));
    }
}
