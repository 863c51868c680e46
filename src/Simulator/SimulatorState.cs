using System.Collections.Concurrent;
using ActorArb.Simulator.Market;
using ActorArb.Simulator.Wire;

namespace ActorArb.Simulator;

/// <summary>
/// What the simulator's parts share: the feeds and their lookup by any exchange spelling, the open sessions, the
/// current faults, the stall deadline, the market clock (the newest published trade's time) and the counters.
/// </summary>
internal sealed class SimulatorState
{
    private readonly Dictionary<(string Venue, string Key), FeedState> lookup = [];
    private SimulatorFaults faults;
    private long marketTimeMs = long.MinValue;
    private long stallUntil;
    private int nextSession;

    public SimulatorState(SimulatorOptions options, IReadOnlyList<FeedState> feeds)
    {
        Options = options;
        Feeds = feeds;
        faults = options.Faults;
        StartedAt = options.Time.GetTimestamp();
        foreach (var feed in feeds)
        {
            lookup[(feed.Instrument.Exchange, SymbolNames.Key(feed.Instrument.Symbol))] = feed;
        }
    }

    public SimulatorOptions Options { get; }

    public TimeProvider Time => Options.Time;

    public IReadOnlyList<FeedState> Feeds { get; }

    public SimulatorStats Stats { get; } = new();

    /// <summary>Gets the open sessions by their ordinal.</summary>
    public ConcurrentDictionary<int, Sessions.WireSession> Sessions { get; } = new();

    /// <summary>Gets the timestamp the simulator started at, for uptimes.</summary>
    public long StartedAt { get; }

    public SimulatorFaults Faults
    {
        get => Volatile.Read(ref faults);
        set => Volatile.Write(ref faults, value);
    }

    /// <summary>Gets the newest published trade's time, or null before the first trade.</summary>
    public long? MarketTimeMs => Interlocked.Read(ref marketTimeMs) is var ms && ms != long.MinValue ? ms : null;

    /// <summary>Gets the market clock for envelope timestamps: the newest trade's time, or the Unix epoch before any.</summary>
    public long NowMs => MarketTimeMs ?? 0;

    /// <summary>Gets how long the simulator has run (Go's monotonic clock reading in Coinbase heartbeats).</summary>
    public TimeSpan Uptime => Time.GetElapsedTime(StartedAt);

    /// <summary>Returns true while sessions must not send (a stall is in progress), with the time left.</summary>
    public bool IsStalled(out TimeSpan left)
    {
        left = Time.GetElapsedTime(Time.GetTimestamp(), Interlocked.Read(ref stallUntil));
        return left > TimeSpan.Zero;
    }

    /// <summary>Stops every session sending until <paramref name="duration"/> from now (extending a stall in progress).</summary>
    public void StallFor(TimeSpan duration)
    {
        var until = Time.GetTimestamp() + (long)(duration.TotalSeconds * Time.TimestampFrequency);
        long seen;
        do
        {
            seen = Interlocked.Read(ref stallUntil);
            if (seen >= until)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref stallUntil, until, seen) != seen);
        Interlocked.Increment(ref Stats.Stalls);
    }

    /// <summary>Moves the market clock forward to <paramref name="timeMs"/> (never back).</summary>
    public void AdvanceMarketTime(long timeMs)
    {
        long seen;
        while ((seen = Interlocked.Read(ref marketTimeMs)) < timeMs
            && Interlocked.CompareExchange(ref marketTimeMs, timeMs, seen) != seen)
        {
        }
    }

    /// <summary>Returns the feed of <paramref name="venue"/> that any spelling <paramref name="symbol"/> names, or null.</summary>
    public FeedState? Find(string venue, string symbol) =>
        lookup.TryGetValue((venue, SymbolNames.Key(symbol)), out var feed) ? feed : null;

    /// <summary>Returns the next session ordinal (0, 1, 2 … in accept order).</summary>
    public int NextSessionOrdinal() => Interlocked.Increment(ref nextSession) - 1;

    /// <summary>Returns the seed of a random generator for one purpose and ordinal, fixed for a given options seed.</summary>
    public int SeedFor(int purpose, int ordinal) =>
        (int)OrderIds.Mix(((ulong)(uint)Options.Seed << 32) ^ ((ulong)(uint)purpose << 24) ^ (uint)ordinal);
}
