using System.Diagnostics;
using ActorArb.Actors.Feeds.WebSockets;
using ActorArb.Domain.Market;
using ActorArb.Domain.Market.Aggregation;
using ActorArb.Simulator;

namespace ActorArb.Host.Bench;

/// <summary>The soak of <c>bench live</c>: minutes of publishing with the connection dropped every few seconds.</summary>
internal static partial class LiveBench
{
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long before the end the drops stop: a live market keeps trading, so a later trade always reveals the trades
    /// lost in a drop as a gap; the source ends, so its last trades must arrive on a connection that stays up.
    /// </summary>
    private static readonly TimeSpan QuietEnd = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The soak's candles. Its market clock runs at one 1m bar per second, so an outage and its REST refill span
    /// minutes of market time; the refilled trades reach the aggregator after later ones and must fall within the
    /// allowed lateness to be applied (an hour of market time is a minute of the soak).
    /// </summary>
    private static readonly CandleAggregatorOptions SoakCandles = new([Timeframe.Parse("1h")], AllowedLatenessMs: 3_600_000, EmitFlatCandles: false, TickSize: LiveSource.TickSize);

    /// <summary>
    /// Reconnects within a fraction of a second. The defaults count a connection as stable only after 10 s, so with a
    /// drop every 2 s their backoff would climb to 30 s and the soak would mostly measure the backoff.
    /// </summary>
    private static readonly ReconnectingWebSocketOptions SoakSocket = new()
    {
        InitialBackoff = TimeSpan.FromMilliseconds(100),
        MaxBackoff = TimeSpan.FromSeconds(1),
        StableConnectionTime = TimeSpan.FromMilliseconds(500),
    };

    private static async Task<bool> SoakAsync(string flavour, TimeSpan duration, LiveBenchOptions options, LiveBenchStore store)
    {
        var rate = options.SoakRate;
        var count = (int)Math.Ceiling(rate * duration.TotalSeconds);
        var instrument = InstrumentOf(flavour);
        var ticks = LiveSource.Ticks(instrument, count, 60_000 / rate);
        var expected = LiveSource.Candles(instrument, ticks, SoakCandles, flush: true);
        var drops = options.DropEvery is { } every ? string.Create(Invariant, $"connection dropped every {every.TotalSeconds:0.###} s (not in the last {QuietEnd.TotalSeconds:0} s)") : "no drops";
        Console.Out.WriteLine(string.Create(Invariant, $"bench live soak: {flavour} ({instrument}) for {duration.TotalSeconds:0.#} s at {rate:N0} ticks/s = {count:N0} ticks (one 1m bar a second), {drops}, REST refill, allowed lateness 1h; {store.Description}; {Environment.ProcessorCount} cores; {LoadAverage.Describe()}"));

        var rig = await LiveRig.StartAsync(flavour, ticks, rate, options.DropEvery, SoakCandles, SoakSocket, store.Store, $"soak-{flavour}").ConfigureAwait(false);
        await using (rig.ConfigureAwait(false))
        {
            await rig.WaitConnectedAsync(Stall).ConfigureAwait(false);
            var started = Stopwatch.GetTimestamp();
            rig.Simulator.Resume();
            var quiet = false;
            var nextReport = ProgressEvery;
            while (!rig.Simulator.PublishedAll.IsCompleted)
            {
                await Task.WhenAny(rig.Simulator.PublishedAll, Task.Delay(100)).ConfigureAwait(false);
                var elapsed = Stopwatch.GetElapsedTime(started);
                if (!quiet && elapsed >= duration - QuietEnd)
                {
                    rig.Simulator.Faults = SimulatorFaults.None;
                    quiet = true;
                }

                if (elapsed >= nextReport)
                {
                    nextReport += ProgressEvery;
                    var m = await rig.MetricsAsync().ConfigureAwait(false);
                    var published = rig.Simulator.Counters.PublishedTrades.GetValueOrDefault(instrument);
                    Console.Out.WriteLine(string.Create(Invariant, $"  {elapsed.TotalSeconds,5:0} s: {published:N0} published, {m.Routed:N0} routed, {m.Reconnects} reconnects, {m.Gaps} gaps, {m.Refilled:N0} refilled, {rig.Store.CandlesAcked:N0} candles stored; {LoadAverage.Describe()}"));
                }
            }

            await rig.Simulator.PublishedAll.ConfigureAwait(false);
            var publishedIn = Stopwatch.GetElapsedTime(started);
            var metrics = await rig.WaitAsync(m => m.Routed >= count, Stall).ConfigureAwait(false);
            var stored = await rig.FinishAsync().ConfigureAwait(false);
            var mismatch = LiveSource.Mismatch(expected, stored);
            var trades = stored.Where(c => c.Timeframe == Timeframe.OneMinute).Sum(c => (long)c.TradeCount);
            var sim = rig.Simulator.Counters;
            var passed = mismatch is null && metrics.Routed == count && trades == count;
            Console.Out.WriteLine(string.Create(Invariant, $"  published {count:N0} ticks in {publishedIn.TotalSeconds:0.0} s ({count / publishedIn.TotalSeconds:N0} ticks/s); {metrics.Routed:N0} routed"));
            Console.Out.WriteLine(string.Create(Invariant, $"  reconnects {metrics.Reconnects}, gaps {metrics.Gaps}, refilled {metrics.Refilled:N0}, refill failures {metrics.RefillFailures}, duplicates {metrics.Duplicates:N0}, dropped {metrics.Dropped}, malformed {metrics.Malformed}; simulator: {sim.ConnectionsDropped} connections dropped, {sim.SlowConsumersDropped} slow consumers, {sim.RestRequests:N0} REST requests ({sim.RestRateLimited} rate-limited)"));
            Console.Out.WriteLine(string.Create(Invariant, $"  {stored.Count:N0} candles stored, their 1m bars holding {trades:N0} trades of {count:N0} ({Math.Max(0, count - trades):N0} missing, {Math.Max(0, trades - count):N0} extra); {mismatch ?? "equal to the candles built from the source ticks"}: {Verdict(passed)}"));
            return passed;
        }
    }
}
