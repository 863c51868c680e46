namespace ActorArb.Simulator;

/// <summary>
/// How an <see cref="ExchangeSimulator"/> runs: the markets it plays back, the pace of its clock, its port, the seed
/// of its fault choices and the faults it starts with.
/// </summary>
/// <remarks>
/// Pace: at most one of <see cref="TicksPerSecond"/> (a steady rate over all feeds merged in time order) and
/// <see cref="Speed"/> (the feeds' own time line, <c>Speed</c> times faster than real time); with neither, ticks are
/// published as fast as the simulator can. Playback runs on its own clock whether or not anyone is connected.
/// </remarks>
public sealed record SimulatorOptions
{
    /// <summary>Gets the markets to play back; a venue may have several symbols, each symbol one feed.</summary>
    public IReadOnlyList<SimulatorFeed> Feeds { get; init; } = [];

    /// <summary>Gets the steady publishing rate over all feeds, or null.</summary>
    public double? TicksPerSecond { get; init; }

    /// <summary>Gets the multiple of real time at which the feeds' own timestamps are followed, or null.</summary>
    public double? Speed { get; init; }

    /// <summary>Gets whether playback waits for <see cref="ExchangeSimulator.Resume"/> (or <see cref="ExchangeSimulator.Step"/>).</summary>
    public bool StartPaused { get; init; }

    /// <summary>
    /// Gets the unit by which to shift every trade's time so replayed data looks live, or null to keep the files' times.
    /// All times move by the same whole number of units, chosen so the earliest trade falls within the unit before the
    /// simulator starts: at <see cref="Speed"/> 1 lag and staleness then stay near zero, and candle boundaries up to
    /// the unit (1 minute keeps 1m bars, 1 day keeps every bar up to a day) fall where the files have them.
    /// <see cref="ExchangeSimulator.Published"/>, REST and WebSocket all carry the shifted times.
    /// </summary>
    public TimeSpan? ShiftTimesToNow { get; init; }

    /// <summary>Gets the TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Gets the seed of every random fault choice.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Gets the faults injected from the start.</summary>
    public SimulatorFaults Faults { get; init; } = SimulatorFaults.None;

    /// <summary>Gets the period of application heartbeats (Coinbase <c>heartbeats</c>/<c>heartbeat</c>, Kraken <c>heartbeat</c>).</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets the period of Binance's protocol ping frames.</summary>
    public TimeSpan BinancePingInterval { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Gets how many items (trade batches, heartbeats, client requests) may wait for one connection; a connection that
    /// falls further behind is dropped as a slow consumer, as real exchanges do.
    /// </summary>
    public int ConnectionQueueCapacity { get; init; } = 16_384;

    /// <summary>Gets the clock for playback pace, heartbeats, stalls, periodic faults and REST rate windows.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>
    /// Gets a callback told each time a connection has written a frame of trade updates to its socket, or null for
    /// none. Snapshots, the second copy of a duplicated message and corrupted messages are not reported: only frames
    /// that deliver trades live, once each. It runs on the connection's send loop, so it must be quick and thread-safe
    /// (several connections may call it at once); it lets a benchmark time each trade from the moment it left.
    /// </summary>
    public Action<TradeFrameWritten>? OnTradeFrameWritten { get; init; }

    /// <summary>Throws when a setting is out of range.</summary>
    /// <exception cref="ArgumentException">A setting or a feed is invalid.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Feeds);
        ArgumentNullException.ThrowIfNull(Faults);
        ArgumentNullException.ThrowIfNull(Time);
        if (TicksPerSecond is not null && Speed is not null)
        {
            throw new ArgumentException("SimulatorOptions takes TicksPerSecond or Speed, not both.", nameof(Speed));
        }

        if (TicksPerSecond is { } rate && !(rate > 0 && double.IsFinite(rate)))
        {
            throw new ArgumentException($"SimulatorOptions.TicksPerSecond must be positive, not {rate}.", nameof(TicksPerSecond));
        }

        if (Speed is { } speed && !(speed > 0 && double.IsFinite(speed)))
        {
            throw new ArgumentException($"SimulatorOptions.Speed must be positive, not {speed}.", nameof(Speed));
        }

        if (Port is < 0 or > 65535)
        {
            throw new ArgumentException($"SimulatorOptions.Port must lie in [0, 65535], not {Port}.", nameof(Port));
        }

        if (HeartbeatInterval <= TimeSpan.Zero || BinancePingInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException("SimulatorOptions.HeartbeatInterval and BinancePingInterval must be positive.", nameof(HeartbeatInterval));
        }

        if (ConnectionQueueCapacity < 16)
        {
            throw new ArgumentException($"SimulatorOptions.ConnectionQueueCapacity must be at least 16, not {ConnectionQueueCapacity}.", nameof(ConnectionQueueCapacity));
        }

        if (ShiftTimesToNow is { } unit && (unit < TimeSpan.FromMilliseconds(1) || unit.Ticks % TimeSpan.TicksPerMillisecond != 0))
        {
            throw new ArgumentException($"SimulatorOptions.ShiftTimesToNow must be a positive whole number of milliseconds, not {unit}.", nameof(ShiftTimesToNow));
        }

        Faults.Validate();
        var seen = new HashSet<(string, string)>();
        foreach (var feed in Feeds)
        {
            ArgumentNullException.ThrowIfNull(feed);
            feed.Validate();
            if (!seen.Add((feed.Venue, feed.Symbol)))
            {
                throw new ArgumentException($"SimulatorOptions.Feeds has {feed.Instrument} twice.", nameof(Feeds));
            }
        }
    }
}
