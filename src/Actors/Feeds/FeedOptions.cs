using ActorArb.Actors.Feeds.WebSockets;

namespace ActorArb.Actors.Feeds;

/// <summary>What one feed connects to and how its stages behave.</summary>
/// <param name="Flavour">The protocol: <c>coinbase</c>, <c>coinbase-exchange</c>, <c>kraken</c>, <c>kraken-v1</c> or <c>binance</c>.</param>
/// <param name="Endpoint">The exchange's WebSocket endpoint (the real one, or the simulator's).</param>
/// <param name="Symbols">Normalised symbols to subscribe, e.g. <c>USDC/USD</c>.</param>
/// <param name="Socket">Reconnection, backoff and timeout settings of the socket.</param>
public sealed record FeedOptions(string Flavour, Uri Endpoint, IReadOnlyList<string> Symbols, ReconnectingWebSocketOptions Socket)
{
    /// <summary>
    /// Gets the capacity of the stage between the socket and the feed actor, in parsed frames. When it is full the
    /// socket's receive loop waits (backpressure reaches the exchange through TCP); nothing is dropped.
    /// </summary>
    public int StageCapacity { get; init; } = 4096;

    /// <summary>Gets the most frames the stage hands the actor in one message.</summary>
    public int BatchFrames { get; init; } = 256;

    /// <summary>Gets how often the feed flushes its gap tracker and checks for a quiet market.</summary>
    public TimeSpan TickInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Gets how long after the last trade a quiet instrument's event time is taken to move on with the wall clock
    /// (from that trade's own time, so a replayed or simulated market keeps its clock), closing its bars.
    /// </summary>
    public TimeSpan IdleWatermarkDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Throws when the options cannot make a feed.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Flavour);
        ArgumentNullException.ThrowIfNull(Endpoint);
        ArgumentNullException.ThrowIfNull(Symbols);
        ArgumentNullException.ThrowIfNull(Socket);
        if (Symbols.Count == 0)
        {
            throw new ArgumentException($"feed {Flavour}: at least one symbol", nameof(Symbols));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(StageCapacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BatchFrames);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(TickInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(IdleWatermarkDelay, TimeSpan.Zero);
        Socket.Validate();
    }
}
