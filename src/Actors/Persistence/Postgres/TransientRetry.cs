using System.Diagnostics;
using System.Net.Sockets;
using Npgsql;

namespace ActorArb.Actors.Persistence.Postgres;

/// <summary>
/// Retries database work through transient failures with exponential backoff and jitter, for a bounded time.
/// Only work that is safe to repeat goes through here: appends are idempotent by event id, reads repeat freely.
/// </summary>
internal static class TransientRetry
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(25);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(1);

    /// <summary>Returns true when <paramref name="error"/> may pass if the same work is tried again later.</summary>
    public static bool IsTransient(Exception error) => error switch
    {
        // 57P01-03: the server is shutting down or starting; 08: connection errors; 40001/40P01: serialization
        // failure and deadlock; 53300: too many connections.
        PostgresException p => p.IsTransient
            || p.SqlState.StartsWith("08", StringComparison.Ordinal)
            || p.SqlState is "57P01" or "57P02" or "57P03" or "40001" or "40P01" or "53300",
        NpgsqlException n => n.IsTransient || n.InnerException is IOException or SocketException or TimeoutException,
        IOException or SocketException => true,
        _ => false,
    };

    /// <summary>
    /// Runs <paramref name="work"/> until it succeeds, fails for good, or <paramref name="budget"/> has passed
    /// since the first attempt. The work is told whether an earlier attempt failed, as that attempt may have
    /// committed before its acknowledgement was lost.
    /// </summary>
    public static async Task<T> RunAsync<T>(
        NpgsqlDataSource dataSource,
        TimeSpan budget,
        Func<bool, CancellationToken, Task<T>> work,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var delay = FirstDelay;
        var retried = false;
        while (true)
        {
            try
            {
                return await work(retried, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (IsTransient(e) && !cancellationToken.IsCancellationRequested && Stopwatch.GetElapsedTime(started) < budget)
            {
                // Idle pooled connections died with the server too; drop them rather than fail on each in turn.
                dataSource.Clear();
                await Task.Delay(Jitter(delay), cancellationToken).ConfigureAwait(false);
                delay = Next(delay);
                retried = true;
            }
        }
    }

    /// <summary>Returns the next delay of a backoff that started at <paramref name="delay"/>.</summary>
    public static TimeSpan Next(TimeSpan delay) => TimeSpan.FromTicks(Math.Min(Math.Max(delay.Ticks * 2, FirstDelay.Ticks), MaxDelay.Ticks));

    /// <summary>Returns <paramref name="delay"/> scaled by a random factor in [0.5, 1.5), so retrying writers spread out.</summary>
    public static TimeSpan Jitter(TimeSpan delay) => delay * (0.5 + Random.Shared.NextDouble());
}
