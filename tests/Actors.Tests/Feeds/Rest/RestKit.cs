using System.Globalization;
using ActorArb.Actors.Feeds.Rest;
using ActorArb.Domain.Market;
using ActorArb.Domain.Market.Aggregation;
using ActorArb.Simulator;

namespace ActorArb.Actors.Tests.Feeds.Rest;

/// <summary>Markets, simulators, clients and reference candles shared by the REST specs.</summary>
internal static class RestKit
{
    /// <summary>2023-11-14T22:00:00Z: a whole hour, in the past of any clock the specs run on.</summary>
    public const long StartMs = 1_699_999_200_000;

    public const long FirstId = 100_000;

    /// <summary>
    /// Returns <paramref name="count"/> trades with contiguous ids from <see cref="FirstId"/>: mostly 17 s apart, every
    /// 7th sharing the previous one's millisecond (Kraken's nanosecond cursor must not split or repeat them), and after
    /// every 150th a silence of four minutes (minutes without trades: Coinbase prints no bar for them).
    /// </summary>
    public static List<TradeTick> Market(string venue, string symbol, int count)
    {
        var instrument = new InstrumentId(venue, symbol);
        var ticks = new List<TradeTick>(count);
        var time = StartMs + 5_000;
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                time += i % 150 == 0 ? 240_000 : i % 7 == 0 ? 0 : 17_000 + (i % 5);
            }

            ticks.Add(new TradeTick(
                instrument,
                time,
                Price.Parse((0.9990m + (((i * 7) % 13) * 0.0001m)).ToString(CultureInfo.InvariantCulture)),
                0.05 + ((i % 9) * 0.31),
                i % 3 == 0 ? Side.Sell : Side.Buy,
                (FirstId + i).ToString(CultureInfo.InvariantCulture)));
        }

        return ticks;
    }

    /// <summary>Starts a simulator over one feed, publishes everything, and returns it.</summary>
    public static async Task<ExchangeSimulator> PublishedAsync(string venue, string symbol, IReadOnlyList<TradeTick> ticks, SimulatorFaults? faults = null)
    {
        var sim = await ExchangeSimulator.StartAsync(new SimulatorOptions
        {
            Feeds = [SimulatorFeed.FromTicks(venue, symbol, ticks)],
            StartPaused = true,
            Faults = faults ?? SimulatorFaults.None,
        });
        sim.Step(ticks.Count);
        return sim;
    }

    /// <summary>Returns a transport to the simulator's venue with a generous limit and short backoffs, so specs run fast.</summary>
    public static RestTransport Transport(ExchangeSimulator sim, string venue, int maxAttempts = 50) => new(
        new RestTransportOptions(venue, sim.RestUri(venue))
        {
            Limiter = new TokenBucket(10_000, 10_000),
            InitialBackoff = TimeSpan.FromMilliseconds(1),
            MaxBackoff = TimeSpan.FromMilliseconds(20),
            MaxAttempts = maxAttempts,
            JitterSeed = 7,
        });

    /// <summary>Returns the 1m candles the domain aggregator builds from <paramref name="ticks"/>, flats included, opening before <paramref name="toMs"/>.</summary>
    public static List<Candle> Minutes(IReadOnlyList<TradeTick> ticks, long toMs)
    {
        var aggregator = new CandleAggregator(ticks[0].Instrument, new CandleAggregatorOptions([], 0, EmitFlatCandles: true));
        var closed = new List<Candle>();
        foreach (var tick in ticks)
        {
            aggregator.OnTick(tick, closed);
        }

        aggregator.Flush(closed);
        return closed.Where(c => c.OpenTimeMs < toMs).ToList();
    }

    /// <summary>Returns the open time of the minute of the last trade: the end (exclusive) of the bars that are complete.</summary>
    public static long LastMinute(IReadOnlyList<TradeTick> ticks) => Timeframe.OneMinute.Floor(ticks[^1].TimeMs);

    /// <summary>
    /// Asserts that two candle lists hold the same bars: prices, times, flags and (where the venue gives them) trade
    /// counts exactly; volumes to 1e-9 relative, since the venue sums exact decimals and the aggregator doubles.
    /// </summary>
    public static void AssertSameBars(IReadOnlyList<Candle> expected, IReadOnlyList<Candle> actual, bool countsKnown)
    {
        Assert.Equal(expected.Select(c => c.OpenTimeMs), actual.Select(c => c.OpenTimeMs));
        for (var i = 0; i < expected.Count; i++)
        {
            var (e, a) = (expected[i], actual[i]);
            Assert.Equal((e.Instrument, e.Timeframe, e.Open, e.High, e.Low, e.Close, e.Flags), (a.Instrument, a.Timeframe, a.Open, a.High, a.Low, a.Close, a.Flags));
            Assert.True(Math.Abs(e.Volume - a.Volume) <= 1e-9 * Math.Max(1, e.Volume), $"volume of the bar at {e.OpenTimeMs}: {e.Volume} vs {a.Volume}");
            Assert.Equal(countsKnown ? e.TradeCount : 0, a.TradeCount);
        }
    }
}
