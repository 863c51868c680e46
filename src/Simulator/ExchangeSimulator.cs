using System.Collections.Immutable;
using ActorArb.Domain.Market;
using ActorArb.Simulator.Market;
using ActorArb.Simulator.Rest;
using Microsoft.AspNetCore.Builder;

namespace ActorArb.Simulator;

/// <summary>
/// A loopback exchange: one Kestrel server on 127.0.0.1 that plays back tick files as a live market and speaks every
/// supported exchange's exact wire format at once, WebSocket and REST, with faults injected on demand.
/// </summary>
/// <remarks>
/// <para>
/// WebSocket: <c>/ws/coinbase</c> (Advanced Trade), <c>/ws/coinbase-exchange</c>, <c>/ws/kraken</c> (v2),
/// <c>/ws/kraken-v1</c>, and Binance under <c>/ws/binance</c> (<c>/ws/binance/ws/&lt;symbol&gt;@trade</c> raw,
/// <c>/ws/binance/stream?streams=a@trade/b@trade</c> combined), so <c>ws://host:port/ws/binance</c> stands in for
/// <c>wss://stream.binance.com:9443</c>. REST: <c>/rest/&lt;venue&gt;</c> stands in for the venue's API host, followed by
/// the real paths (Coinbase Exchange <c>/products/…</c> and Advanced Trade <c>/api/v3/brokerage/market/…</c>, Kraken
/// <c>/0/public/…</c>, Binance <c>/api/v3/…</c>). Base URIs carry no trailing slash: append paths as text.
/// </para>
/// <para>
/// The market clock publishes ticks whether or not anyone listens; a subscribed session receives the trades published
/// while it is subscribed (after the snapshot its protocol sends), and REST serves everything published so far, so a
/// client that missed a window can refill it. Timestamps the simulator invents (envelopes, heartbeats, acks) are on
/// the market clock: the time of the newest published trade.
/// </para>
/// </remarks>
public sealed partial class ExchangeSimulator : IAsyncDisposable
{
    private readonly SimulatorState state;
    private readonly Playback playback;
    private readonly RestRouter rest;
    private readonly CancellationTokenSource stopping = new();
    private WebApplication? app;
    private Task playing = Task.CompletedTask;
    private Task heartbeating = Task.CompletedTask;
    private Task faulting = Task.CompletedTask;
    private int disposed;

    private ExchangeSimulator(SimulatorOptions options)
    {
        var feeds = options.Feeds.Select((feed, index) => new FeedState(index, feed.Instrument)).ToArray();
        var cursors = new List<FeedCursor>();
        try
        {
            for (var i = 0; i < feeds.Length; i++)
            {
                cursors.Add(new FeedCursor(feeds[i], options.Feeds[i]));
            }
        }
        catch
        {
            cursors.ForEach(cursor => cursor.Dispose());
            throw;
        }

        state = new SimulatorState(options, feeds);
        playback = new Playback([.. cursors], options, state.AdvanceMarketTime);
        rest = new RestRouter(state);
        try
        {
            ShiftTimes(options, feeds);
        }
        catch
        {
            playback.Dispose();
            throw;
        }
    }

    /// <summary>Gets the HTTP base, e.g. <c>http://127.0.0.1:5123</c>.</summary>
    public Uri HttpBase { get; private set; } = null!;

    /// <summary>Gets the WebSocket base, e.g. <c>ws://127.0.0.1:5123</c>.</summary>
    public Uri WebSocketBase { get; private set; } = null!;

    /// <summary>Gets a task that completes when every feed's source is exhausted and published (faulted when a source fails).</summary>
    public Task PublishedAll => playback.Completion;

    /// <summary>Gets the market clock: the newest published trade's time, or null before the first trade.</summary>
    public long? MarketTimeMs => state.MarketTimeMs;

    /// <summary>Gets the number of open WebSocket connections.</summary>
    public int OpenConnections => state.Sessions.Count;

    /// <summary>Gets what the simulator has done so far.</summary>
    public SimulatorCounters Counters
    {
        get
        {
            var stats = state.Stats;
            return new SimulatorCounters(
                state.Feeds.ToImmutableDictionary(feed => feed.Instrument, feed => (long)feed.Count),
                Interlocked.Read(ref stats.MessagesSent),
                Interlocked.Read(ref stats.TradeMessagesSent),
                Interlocked.Read(ref stats.HeartbeatsSent),
                Interlocked.Read(ref stats.ConnectionsAccepted),
                Interlocked.Read(ref stats.ConnectionsOpen),
                Interlocked.Read(ref stats.ConnectionsDropped),
                Interlocked.Read(ref stats.SlowConsumersDropped),
                Interlocked.Read(ref stats.Stalls),
                Interlocked.Read(ref stats.DuplicatedMessages),
                Interlocked.Read(ref stats.ReorderedMessages),
                Interlocked.Read(ref stats.CorruptedMessages),
                Interlocked.Read(ref stats.MalformedMessages),
                Interlocked.Read(ref stats.RestRequests),
                Interlocked.Read(ref stats.RestRateLimited));
        }
    }

    /// <summary>Starts a simulator: opens the feeds' sources, binds the server, and starts the clock unless paused.</summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    /// <exception cref="IOException">A tick file cannot be opened or the port cannot be bound.</exception>
    public static async Task<ExchangeSimulator> StartAsync(SimulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var simulator = new ExchangeSimulator(options);
        try
        {
            await simulator.StartServerAsync(cancellationToken).ConfigureAwait(false);
            simulator.StartClocks();
            return simulator;
        }
        catch
        {
            await simulator.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Returns the WebSocket URI of a flavour, e.g. <c>ws://127.0.0.1:5123/ws/kraken</c> (for Binance, the stream host's stand-in).</summary>
    /// <exception cref="ArgumentException">The flavour is unknown.</exception>
    public Uri WebSocketUri(string flavour)
    {
        if (!SimulatorFlavours.All.Contains(flavour))
        {
            throw new ArgumentException($"Unknown flavour \"{flavour}\"; known: {string.Join(", ", SimulatorFlavours.All)}.", nameof(flavour));
        }

        return new Uri(WebSocketBase, "/ws/" + flavour);
    }

    /// <summary>Returns the REST base of a venue (or of a flavour's venue), e.g. <c>http://127.0.0.1:5123/rest/kraken</c>.</summary>
    /// <exception cref="ArgumentException">The venue is unknown.</exception>
    public Uri RestUri(string venue) =>
        SimulatorFlavours.VenueOf(venue) is { } known
            ? new Uri(HttpBase, "/rest/" + known)
            : throw new ArgumentException($"Unknown venue \"{venue}\"; known: {string.Join(", ", SimulatorFlavours.Venues)}.", nameof(venue));

    /// <summary>Returns the trades published so far on a feed, oldest first, with their wire ids as trade ids.</summary>
    /// <exception cref="ArgumentException">No feed has that venue and symbol.</exception>
    public IReadOnlyList<TradeTick> Published(string venue, string symbol)
    {
        var feed = state.Feeds.FirstOrDefault(f => f.Instrument.Exchange == venue && f.Instrument.Symbol == symbol)
            ?? throw new ArgumentException($"The simulator has no feed {venue}:{symbol}.", nameof(symbol));
        var view = feed.History;
        var ticks = new TradeTick[view.Count];
        for (var i = 0; i < ticks.Length; i++)
        {
            ticks[i] = view[i].ToTick(feed.Instrument);
        }

        return ticks;
    }

    /// <summary>Stops the clock, closes every connection without a close frame, and stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        await stopping.CancelAsync().ConfigureAwait(false);
        await Quietly(playing).ConfigureAwait(false);
        await Quietly(heartbeating).ConfigureAwait(false);
        await Quietly(faulting).ConfigureAwait(false);
        if (app is not null)
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await Quietly(app.StopAsync(deadline.Token)).ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }

        playback.Dispose();
        stopping.Dispose();
    }

    /// <summary>Applies <see cref="SimulatorOptions.ShiftTimesToNow"/>: one shift for every feed, so their time lines stay aligned.</summary>
    private void ShiftTimes(SimulatorOptions options, FeedState[] feeds)
    {
        if (options.ShiftTimesToNow is not { } unit || playback.NextTime() is not { } firstMs)
        {
            return;
        }

        var unitMs = (long)unit.TotalMilliseconds;
        var shiftMs = (long)Math.Floor((options.Time.GetUtcNow().ToUnixTimeMilliseconds() - firstMs) / (double)unitMs) * unitMs;
        foreach (var feed in feeds)
        {
            feed.TimeShiftMs = shiftMs;
        }
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping is what was asked for.
        }
    }
}
