using System.Diagnostics;
using ActorArb.Actors.Feeds;
using ActorArb.Actors.Feeds.WebSockets;
using ActorArb.Actors.Persistence;
using ActorArb.Domain.Market;
using ActorArb.Domain.Market.Aggregation;

namespace ActorArb.Host.Bench;

/// <summary>The throughput and latency passes of <c>bench live</c>.</summary>
internal static partial class LiveBench
{
    /// <summary>Trades 250 ms apart in market time: 240 to a 1m bar, so a bar closes every 240 ticks.</summary>
    private const double PassMsPerTick = 250;

    /// <summary>The ticks of each unreported warm-up pass.</summary>
    private const int WarmUpTicks = 50_000;

    /// <summary>The aggregator alone is timed this many times over the pass's ticks, and the best time counts.</summary>
    private const int BaselineRepeats = 5;


    /// <summary>A live run's candles (allowed lateness 0: a bar closes on the first trade past it), without flat bars.</summary>
    private static readonly CandleAggregatorOptions PassCandles = new([Timeframe.Parse("1h")], EmitFlatCandles: false, TickSize: LiveSource.TickSize);

    private static async Task<bool> PassesAsync(string flavour, LiveBenchOptions options, LiveBenchStore store)
    {
        var instrument = InstrumentOf(flavour);
        var ticks = LiveSource.Ticks(instrument, options.Ticks, PassMsPerTick);
        Console.Out.WriteLine(string.Create(Invariant, $"bench live: {ticks.Count:N0} ticks over {flavour} ({instrument}) on loopback: simulator → WebSocket → feed → candle aggregator → journal → {store.Description}; {Environment.ProcessorCount} cores; {LoadAverage.Describe()}"));

        // Tiered compilation replaces the first, quick code with optimised code only after seconds of traffic (on two
        // busy cores the first cold pass ran at a third of the warm rate, the aggregator alone at a sixth); a live node
        // runs for days, so the warm figures are the ones that matter.
        var warmTicks = ticks.Take(WarmUpTicks).ToList();
        var warming = Stopwatch.StartNew();
        for (var i = 0; warming.Elapsed < options.WarmUp; i++)
        {
            await MeasureAsync(flavour, warmTicks, 0, store.Store, $"bench-{flavour}-warm-up-{i}").ConfigureAwait(false);
        }

        var baseline = TimeSpan.MaxValue;
        for (var i = 0; i < BaselineRepeats; i++)
        {
            var started = Stopwatch.GetTimestamp();
            LiveSource.Candles(instrument, ticks, PassCandles, flush: false);
            baseline = TimeSpan.FromTicks(Math.Min(baseline.Ticks, Stopwatch.GetElapsedTime(started).Ticks));
        }

        Console.Out.WriteLine(string.Create(Invariant, $"  aggregator alone        {ticks.Count / baseline.TotalSeconds,12:N0} ticks/s (best of {BaselineRepeats}; after {warming.Elapsed.TotalSeconds:0.0} s of warm-up at full speed)"));
        var passed = true;
        foreach (var rate in options.Rate is { } given ? [given] : new[] { 0, LiveBenchOptions.DefaultPacedRate })
        {
            var pass = await MeasureAsync(flavour, ticks, rate, store.Store, $"bench-{flavour}-{(rate > 0 ? rate.ToString("0", Invariant) : "full")}").ConfigureAwait(false);
            var label = rate > 0 ? string.Create(Invariant, $"at {rate:N0} ticks/s") : "full speed";
            var m = pass.Metrics;
            Console.Out.WriteLine(string.Create(Invariant, $"  {label,-22}  {pass.Sustained,12:N0} ticks/s sustained   tick → persisted CandleClosed latency {pass.Latency}{(rate > 0 ? "" : " (queueing behind the backlog)")}"));
            Console.Out.WriteLine(string.Create(Invariant, $"      {m.Routed:N0} of {ticks.Count:N0} ticks routed, {m.Duplicates} duplicates, {m.Gaps} gaps, {m.Dropped} dropped, {m.Malformed} malformed, {m.Frames:N0} frames; {pass.Stored:N0} candles stored {pass.Mismatch ?? "= built from the source"}: {Verdict(pass.Passed)}"));
            passed &= pass.Passed;
        }

        Console.Out.WriteLine("  latency: per 1m candle, from the simulator writing the frame that carries the bar's closing trade (the first trade at or past its close; allowed lateness 0) to the store acknowledging the append that holds its CandleClosed");
        return passed;
    }

    /// <summary>Plays <paramref name="ticks"/> through a fresh rig at <paramref name="rate"/> ticks/s (0: full speed) and measures it.</summary>
    private static async Task<PassResult> MeasureAsync(string flavour, List<TradeTick> ticks, double rate, IEventStore store, string scope)
    {
        var instrument = ticks[0].Instrument;
        var expected = LiveSource.Candles(instrument, ticks, PassCandles, flush: false);
        var closing = LiveSource.ClosingTicks(ticks);
        var rig = await LiveRig.StartAsync(flavour, ticks, rate > 0 ? rate : null, null, PassCandles, new ReconnectingWebSocketOptions(), store, scope).ConfigureAwait(false);
        await using (rig.ConfigureAwait(false))
        {
            await rig.WaitConnectedAsync(Stall).ConfigureAwait(false);
            var resumed = Stopwatch.GetTimestamp();
            rig.Simulator.Resume();
            var metrics = await rig.WaitAsync(m => m.Routed >= ticks.Count && rig.Store.CandlesAcked >= expected.Count, Stall).ConfigureAwait(false);
            var stored = await rig.StoredCandlesAsync().ConfigureAwait(false);

            var samples = new List<double>(closing.Count);
            foreach (var (openMs, ordinal) in closing)
            {
                if (rig.Store.AckedAt(instrument, openMs) is { } acked && rig.Departures.WrittenAt(ordinal) is { } sent)
                {
                    samples.Add(Stopwatch.GetElapsedTime(sent, acked).TotalMilliseconds);
                }
            }

            // The last bar a trade closes: every tick up to its closing trade had gone through when the store acknowledged it.
            var (lastOpenMs, lastOrdinal) = closing.MaxBy(c => c.Key);
            var sustained = rig.Store.AckedAt(instrument, lastOpenMs) is { } end ? lastOrdinal / Stopwatch.GetElapsedTime(resumed, end).TotalSeconds : 0;
            var mismatch = LiveSource.Mismatch(expected, stored);
            var passed = metrics.Routed == ticks.Count && mismatch is null && samples.Count == closing.Count;
            return new PassResult(sustained, LatencyFigures.Of(samples), stored.Count, mismatch, metrics, passed);
        }
    }

    /// <summary>What one pass measured.</summary>
    /// <param name="Sustained">Ticks per second up to the last candle persisted.</param>
    /// <param name="Latency">Tick → persisted CandleClosed latency over the candles closed by a trade.</param>
    /// <param name="Stored">Candles persisted (every timeframe).</param>
    /// <param name="Mismatch">How the stored candles differ from those built from the source, or null.</param>
    /// <param name="Metrics">The feed's counters at the end.</param>
    /// <param name="Passed">Every tick routed, the stored candles as built from the source, and every candle timed.</param>
    private sealed record PassResult(double Sustained, LatencyFigures Latency, int Stored, string? Mismatch, FeedMetrics Metrics, bool Passed);
}
