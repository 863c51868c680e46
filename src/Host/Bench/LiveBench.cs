using System.Globalization;
using ActorArb.Domain.Market;
using ActorArb.Host.Commands;
using ActorArb.Simulator;

namespace ActorArb.Host.Bench;

/// <summary>
/// <c>bench live</c>: the live path end to end — the exchange simulator on loopback playing generated ticks as one
/// flavour's market, a feed (WebSocket, parsing, dedupe, gap check, REST refill), the candle aggregator and the journal
/// persisting every CandleClosed to the in-memory store or, with <c>--store postgres</c>, to PostgreSQL — in two modes.
/// </summary>
/// <remarks>
/// <para>
/// Throughput and latency (the default). A full-speed pass (the simulator publishes as fast as the feed reads) gives
/// the sustained rate: the ticks up to the last candle's closing trade over the time from the start of publishing to
/// the store's acknowledgement of that candle, with nothing dropped (every tick routed, the stored candles equal to
/// those built from the source directly). A paced pass (<c>--rate N</c>; 50,000 ticks/s when no rate is given) gives
/// latency without the queueing of a backlog; <c>--rate 0</c> runs only the full-speed pass. Both report latency.
/// Before them the path runs unreported at full speed for <c>--warm-up</c> (8 s by default) so the JIT's tiered
/// compilation has settled, and the aggregator alone over the same ticks is timed beside them (best of 5).
/// </para>
/// <para>
/// Latency, tick → persisted CandleClosed, for each 1m candle that a trade closes: from the moment the simulator
/// finished writing to its socket the WebSocket frame carrying the bar's closing trade — the first trade at or past the
/// bar's close, whose event time moves the watermark past it under allowed lateness 0 — to the moment the event store
/// acknowledged (completed) the append holding that CandleClosed. Both are <see cref="System.Diagnostics.Stopwatch"/>
/// timestamps in this one process: the simulator's through <see cref="SimulatorOptions.OnTradeFrameWritten"/>, the
/// store's through <see cref="CandleAckStore"/>. Reported as p50, p99 and max over the pass's candles.
/// </para>
/// <para>
/// Soak (<c>--duration 5m [--drop-every 2s] [--rate 2000]</c>): the simulator publishes at the rate for the duration
/// while every connection is dropped every period, the feed refills its gaps from the simulator's REST trades; at the
/// end the stored candles must equal those built from the source ticks (OHLC, count and flags exact, volume within
/// 1e-9), and the reconnect, gap, refill, duplicate, drop and malformed counts are printed. Progress every 10 s.
/// </para>
/// <para><c>--flavour</c> takes one flavour, a comma-separated list or <c>all</c>. The exit code is 1 when any check fails.</para>
/// </remarks>
internal static partial class LiveBench
{
    /// <summary>How long the path may show no progress (nothing routed, nothing persisted) before a pass gives up.</summary>
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(30);

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static async Task<int> RunAsync(CommandLine line)
    {
        var options = LiveBenchOptions.Parse(line);
        var store = await LiveBenchStore.OpenAsync(options).ConfigureAwait(false);
        await using (store.ConfigureAwait(false))
        {
            var passed = true;
            foreach (var flavour in options.Flavours)
            {
                passed &= options.Soak is { } duration
                    ? await SoakAsync(flavour, duration, options, store).ConfigureAwait(false)
                    : await PassesAsync(flavour, options, store).ConfigureAwait(false);
            }

            Console.Out.WriteLine(passed ? "bench live: PASS" : "bench live: FAIL");
            return passed ? 0 : 1;
        }
    }

    /// <summary>Returns the USDC market a flavour's venue is played as.</summary>
    private static InstrumentId InstrumentOf(string flavour)
    {
        var venue = SimulatorFlavours.VenueOf(flavour)!;
        return new InstrumentId(venue, venue == SimulatorFlavours.BinanceVenue ? "USDC/USDT" : "USDC/USD");
    }

    private static string Verdict(bool passed) => passed ? "PASS" : "FAIL";
}
