using System.Net.WebSockets;

namespace ActorArb.Actors.Feeds.WebSockets;

/// <summary>
/// Settings of a <see cref="ReconnectingWebSocket"/>. The defaults suit an exchange market-data feed; call
/// <see cref="Validate"/> (the socket's constructor does) to reject inconsistent values early.
/// </summary>
public sealed record ReconnectingWebSocketOptions
{
    /// <summary>Gets the delay before the first retry after a failure (1 s by default).</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets the cap on the retry delay, jitter included (30 s by default).</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets the factor the delay grows by after each consecutive failure (2 by default).</summary>
    public double BackoffMultiplier { get; init; } = 2;

    /// <summary>Gets the jitter as a fraction: each delay is scaled by a uniform draw in [1 - Jitter, 1 + Jitter) (0.2 by default).</summary>
    public double Jitter { get; init; } = 0.2;

    /// <summary>
    /// Gets how long a connection must stay open to count as stable (10 s by default). When a stable connection ends,
    /// the backoff starts again from the bottom and the first reconnect is tried at once; when an unstable one ends, the
    /// failure streak carries on and the next attempt waits the next, longer delay.
    /// </summary>
    public TimeSpan StableConnectionTime { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Gets how long the socket waits for any message before it drops the connection and reconnects with
    /// <see cref="ReconnectionType.NoMessageReceived"/> (30 s by default); null switches the check off.
    /// </summary>
    public TimeSpan? NoMessageTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets the interval of the WebSocket protocol keep-alive of <see cref="ClientWebSocket"/> (15 s by default; zero switches it off).</summary>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Gets how long the client waits for the pong to a protocol ping before it aborts the connection; null (the
    /// default) sends unsolicited pongs as the keep-alive and waits for nothing.
    /// </summary>
    public TimeSpan? KeepAliveTimeout { get; init; }

    /// <summary>Gets the interval at which <see cref="ApplicationPing"/> is sent on each connection; null (the default) sends none.</summary>
    public TimeSpan? ApplicationPingInterval { get; init; }

    /// <summary>Gets the text of the application-level ping, for example <c>{"method":"ping"}</c>; set it together with the interval.</summary>
    public string? ApplicationPing { get; init; }

    /// <summary>Gets the time allowed for one connection attempt, and separately for OnConnected (10 s by default).</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets how long a close handshake may take before the socket is aborted (5 s by default).</summary>
    public TimeSpan CloseTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets the size of the receive buffer in bytes (16 KiB by default); longer messages are assembled from several reads.</summary>
    public int ReceiveBufferSize { get; init; } = 16 * 1024;

    /// <summary>Gets the largest message accepted, in bytes (16 MiB by default); a longer one drops the connection as an error.</summary>
    public int MaxMessageSize { get; init; } = 16 * 1024 * 1024;

    /// <summary>Gets a factory for the client socket of each attempt; null creates a plain <see cref="ClientWebSocket"/>.</summary>
    public Func<ClientWebSocket>? ClientFactory { get; init; }

    /// <summary>
    /// Gets a hook that configures each client socket (headers, sub-protocols, proxy) before it connects. It runs after
    /// the keep-alive settings above were applied, so it may override them.
    /// </summary>
    public Action<ClientWebSocketOptions>? ConfigureClient { get; init; }

    /// <summary>Gets the seed of the jitter's random draws, for reproducible delays in tests; null draws from <see cref="Random.Shared"/>.</summary>
    public int? JitterSeed { get; init; }

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first setting whose value is out of range or inconsistent.</summary>
    public void Validate()
    {
        RequirePositive(InitialBackoff, nameof(InitialBackoff));
        if (MaxBackoff < InitialBackoff)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxBackoff), MaxBackoff, "MaxBackoff must not be below InitialBackoff.");
        }

        if (!(BackoffMultiplier >= 1) || double.IsInfinity(BackoffMultiplier))
        {
            throw new ArgumentOutOfRangeException(nameof(BackoffMultiplier), BackoffMultiplier, "BackoffMultiplier must be a finite number of at least 1.");
        }

        if (!(Jitter >= 0 && Jitter < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Jitter), Jitter, "Jitter must be a fraction in [0, 1).");
        }

        if (StableConnectionTime < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(StableConnectionTime), StableConnectionTime, "StableConnectionTime must not be negative.");
        }

        if (NoMessageTimeout is { } noMessage)
        {
            RequirePositive(noMessage, nameof(NoMessageTimeout));
        }

        if (KeepAliveInterval < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(KeepAliveInterval), KeepAliveInterval, "KeepAliveInterval must not be negative.");
        }

        if (KeepAliveTimeout is { } keepAliveTimeout)
        {
            RequirePositive(keepAliveTimeout, nameof(KeepAliveTimeout));
        }

        ValidateApplicationPing();
        RequirePositive(ConnectTimeout, nameof(ConnectTimeout));
        RequirePositive(CloseTimeout, nameof(CloseTimeout));
        if (ReceiveBufferSize < 256)
        {
            throw new ArgumentOutOfRangeException(nameof(ReceiveBufferSize), ReceiveBufferSize, "ReceiveBufferSize must be at least 256 bytes.");
        }

        if (MaxMessageSize < ReceiveBufferSize)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxMessageSize), MaxMessageSize, "MaxMessageSize must not be below ReceiveBufferSize.");
        }
    }

    private void ValidateApplicationPing()
    {
        if (ApplicationPingInterval is null != string.IsNullOrEmpty(ApplicationPing))
        {
            throw new ArgumentException("ApplicationPingInterval and ApplicationPing must be set together.", nameof(ApplicationPing));
        }

        if (ApplicationPingInterval is { } interval)
        {
            RequirePositive(interval, nameof(ApplicationPingInterval));
        }
    }

    private static void RequirePositive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive.");
        }
    }
}
