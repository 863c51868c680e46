using System.Globalization;
using ActorArb.Domain.Market;
using ActorArb.Domain.Market.Aggregation;

namespace ActorArb.Host.Bench;

/// <summary>
/// The source market of <c>bench live</c> and the candles it should give: ticks made up in memory (the simulator
/// plays them back as the exchange), the candles the aggregator builds from them directly, and the comparison of
/// those with what the live path stored.
/// </summary>
internal static class LiveSource
{
    /// <summary>The prices' tick size; every generated price lies on it.</summary>
    public static readonly Price TickSize = Price.Parse("0.0001");

    private const long StartMs = 1_700_000_000_000;

    /// <summary>
    /// Returns <paramref name="count"/> ticks of a USDC-like market: trade <c>i</c> at <c>start + floor(i × msPerTick)</c>,
    /// prices a random walk on the 0.0001 grid within [0.9950, 1.0050], sizes with two decimals (so the wire's decimal
    /// text parses back to the same double), consecutive numeric trade ids (so every missed trade shows as a gap).
    /// </summary>
    public static List<TradeTick> Ticks(InstrumentId instrument, int count, double msPerTick)
    {
        var random = new Random(11);
        var price = 10_000;
        var ticks = new List<TradeTick>(count);
        for (var i = 0; i < count; i++)
        {
            price = Math.Clamp(price + random.Next(-2, 3), 9_950, 10_050);
            var size = random.Next(1, 100_000) / 100.0;
            var side = random.Next(2) == 0 ? Side.Buy : Side.Sell;
            var timeMs = StartMs + (long)Math.Floor(i * msPerTick);
            ticks.Add(new TradeTick(instrument, timeMs, new Price(price * TickSize.Raw), size, side, (1_000_000 + i).ToString(CultureInfo.InvariantCulture)));
        }

        return ticks;
    }

    /// <summary>
    /// Returns the candles an aggregator with <paramref name="options"/> closes over <paramref name="ticks"/> fed in
    /// order, and, when <paramref name="flush"/>, those the end of the stream closes too.
    /// </summary>
    public static List<Candle> Candles(InstrumentId instrument, IReadOnlyList<TradeTick> ticks, CandleAggregatorOptions options, bool flush)
    {
        var aggregator = new CandleAggregator(instrument, options);
        var closed = new List<Candle>();
        foreach (var tick in ticks)
        {
            aggregator.OnTick(in tick, closed);
        }

        if (flush)
        {
            aggregator.Flush(closed);
        }

        return closed;
    }

    /// <summary>
    /// Returns null when <paramref name="actual"/> holds the candles of <paramref name="expected"/> in order — open time,
    /// OHLC, trade count and flags exact, volume within 1e-9 of it, relative above 1 — otherwise the first difference
    /// in words. Trades refilled late are summed in another order, and a bar of thousands of trades sums to millions:
    /// the rounding then reaches 1e-8 absolute but stays below 1e-12 relative, while one trade more or less moves the
    /// volume by its size and the trade count by one.
    /// </summary>
    public static string? Mismatch(IReadOnlyList<Candle> expected, IReadOnlyList<Candle> actual)
    {
        for (var i = 0; i < Math.Min(expected.Count, actual.Count); i++)
        {
            var (e, a) = (expected[i], actual[i]);
            if (e with { Volume = 0 } != a with { Volume = 0 } || Math.Abs(e.Volume - a.Volume) > 1e-9 * Math.Max(1, Math.Abs(e.Volume)))
            {
                return $"candle {i}: expected {e}, stored {a}";
            }
        }

        return expected.Count == actual.Count ? null : $"expected {expected.Count:N0} candles, stored {actual.Count:N0}";
    }

    /// <summary>Returns the 1-based position of the first tick of each 1m bar after the first, by the open time of the bar before it: the tick that closes that bar under allowed lateness 0.</summary>
    public static Dictionary<long, long> ClosingTicks(IReadOnlyList<TradeTick> ticks)
    {
        var closing = new Dictionary<long, long>();
        for (var i = 1; i < ticks.Count; i++)
        {
            var previous = Timeframe.OneMinute.Floor(ticks[i - 1].TimeMs);
            if (Timeframe.OneMinute.Floor(ticks[i].TimeMs) != previous)
            {
                closing[previous] = i + 1;
            }
        }

        return closing;
    }
}
