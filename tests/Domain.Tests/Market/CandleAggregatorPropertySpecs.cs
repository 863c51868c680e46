using ActorArb.Domain.Market;
using ActorArb.Domain.Market.Aggregation;
using static ActorArb.Domain.Tests.Market.AggregatorTestData;

namespace ActorArb.Domain.Tests.Market;

/// <summary>
/// Compares the aggregator with a naive group-by over a seeded pseudo-random trade stream with gaps of seconds to
/// hours. Sizes are multiples of 1/8 so that volume sums are exact in any order.
/// </summary>
public sealed class CandleAggregatorPropertySpecs
{
    private static readonly string[] Rollups = ["1d", "15m", "4h", "1h", "2h"];

    [Theory]
    [InlineData(1UL)]
    [InlineData(42UL)]
    [InlineData(20230311UL)]
    public void Aggregator_should_match_a_naive_group_by_when_flat_candles_are_on(ulong seed)
    {
        var ticks = TickStream(seed, 40_000);

        var output = Run(new CandleAggregatorOptions(Frames(Rollups)), ticks);

        AssertTimeOrdered(output);
        var minutes = output.Of("1m");
        Assert.Equal(NaiveMinutes(ticks), minutes.FindAll(c => c.Flags == CandleFlags.None));
        for (var i = 1; i < minutes.Count; i++)
        {
            Assert.Equal(minutes[i - 1].CloseTimeMs, minutes[i].OpenTimeMs);
            if (minutes[i].Flags == CandleFlags.Flat)
            {
                var last = minutes[i - 1].Close;
                Assert.Equal(new Candle(Btc, Timeframe.OneMinute, minutes[i].OpenTimeMs, last, last, last, last, 0, 0, CandleFlags.Flat), minutes[i]);
            }
        }

        Assert.Contains(minutes, c => c.Flags == CandleFlags.Flat);
        foreach (var frame in Rollups)
        {
            Assert.Equal(NaiveRollup(minutes, Tf(frame)), output.Of(frame));
        }
    }

    [Theory]
    [InlineData(7UL)]
    [InlineData(99UL)]
    public void Aggregator_should_roll_up_only_present_minutes_when_flat_candles_are_off(ulong seed)
    {
        var ticks = TickStream(seed, 40_000);

        var output = Run(new CandleAggregatorOptions(Frames(Rollups), EmitFlatCandles: false), ticks);

        AssertTimeOrdered(output);
        var minutes = output.Of("1m");
        Assert.Equal(NaiveMinutes(ticks), minutes);
        foreach (var frame in Rollups)
        {
            var rollups = output.Of(frame);
            Assert.Equal(NaiveRollup(minutes, Tf(frame)), rollups);
            Assert.Contains(rollups, c => c.Flags == CandleFlags.Partial);
        }
    }

    [Fact]
    public void Aggregator_should_give_identical_output_when_run_twice_on_the_same_input()
    {
        var ticks = TickStream(5, 30_000);
        var options = new CandleAggregatorOptions(Frames(Rollups), AllowedLatenessMs: 10_000);

        Assert.Equal(Run(options, ticks), Run(options, ticks));
    }

    [Theory]
    [InlineData(3UL, 30_000L)]
    [InlineData(4UL, 150_000L)]
    public void Aggregator_should_build_the_same_candles_when_ticks_arrive_out_of_order_within_the_lateness(ulong seed, long latenessMs)
    {
        var ticks = TickStream(seed, 40_000);
        var inOrder = Run(new CandleAggregatorOptions(Frames(Rollups)), ticks);

        // Delaying each tick by less than the lateness never lets the watermark pass a minute it still belongs to.
        var random = new SeededRandom(seed * 31);
        var arrival = Array.ConvertAll(ticks, t => t.TimeMs + (long)(random.NextDouble() * latenessMs));
        var shuffled = (TradeTick[])ticks.Clone();
        Array.Sort(arrival, shuffled);
        Assert.NotEqual(ticks, shuffled);

        var aggregator = Aggregator(new CandleAggregatorOptions(Frames(Rollups), AllowedLatenessMs: latenessMs));
        var output = new List<Candle>();
        foreach (var tick in shuffled)
        {
            aggregator.OnTick(tick, output);
        }

        aggregator.Flush(output);
        Assert.Equal(0, aggregator.LateTicks);
        Assert.Equal(inOrder, output);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(180_000L)]
    public void OnCandle_should_give_the_same_candles_as_ticks_when_fed_the_real_minutes_with_gaps(long latenessMs)
    {
        var ticks = TickStream(11, 40_000);
        var fromTicks = Run(new CandleAggregatorOptions(Frames(Rollups)), ticks);
        var realMinutes = NaiveMinutes(ticks).ToArray();
        var random = new SeededRandom(77);
        var arrival = Array.ConvertAll(realMinutes, c => c.CloseTimeMs + (long)(random.NextDouble() * latenessMs));
        Array.Sort(arrival, realMinutes);

        var aggregator = Aggregator(new CandleAggregatorOptions(Frames(Rollups), AllowedLatenessMs: latenessMs));
        var output = new List<Candle>();
        foreach (var minute in realMinutes)
        {
            aggregator.OnCandle(minute, output);
        }

        aggregator.Flush(output);
        Assert.Equal(0, aggregator.LateCandles);
        Assert.Equal(fromTicks, output);
    }

    /// <summary>Returns trades in time order (distinct times) on a 0.01 grid, with gaps up to three hours.</summary>
    private static TradeTick[] TickStream(ulong seed, int count)
    {
        var random = new SeededRandom(seed);
        var ticks = new TradeTick[count];
        var time = T0 + (17 * MinuteMs) + 3_123;
        long cents = 10_000;
        for (var i = 0; i < count; i++)
        {
            time += random.Next(200) switch
            {
                0 => 1 + random.Next(3 * 3_600_000),
                < 5 => 1 + random.Next(5 * (int)MinuteMs),
                _ => 1 + random.Next(15_000),
            };
            cents = Math.Max(1, cents + random.Next(21) - 10);
            var size = (1 + random.Next(64)) / 8.0;
            ticks[i] = new TradeTick(Btc, time, new Price(cents * 10_000_000), size, random.Next(2) == 0 ? Side.Buy : Side.Sell, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return ticks;
    }

    private static List<Candle> Run(CandleAggregatorOptions options, TradeTick[] ticks)
    {
        var aggregator = Aggregator(options);
        var output = new List<Candle>();
        foreach (var tick in ticks)
        {
            aggregator.OnTick(tick, output);
        }

        aggregator.Flush(output);
        return output;
    }

    private static List<Candle> NaiveMinutes(TradeTick[] ticks)
    {
        var minutes = new List<Candle>();
        foreach (var group in ticks.GroupBy(t => Timeframe.OneMinute.Floor(t.TimeMs)))
        {
            var trades = group.ToList();
            minutes.Add(new Candle(
                Btc,
                Timeframe.OneMinute,
                group.Key,
                trades[0].Price,
                trades.Max(t => t.Price),
                trades.Min(t => t.Price),
                trades[^1].Price,
                trades.Sum(t => t.Size),
                trades.Count,
                CandleFlags.None));
        }

        return minutes;
    }

    private static List<Candle> NaiveRollup(List<Candle> minutes, Timeframe frame)
    {
        var perBar = (int)(frame.Ms / MinuteMs);
        var rollups = new List<Candle>();
        foreach (var group in minutes.GroupBy(c => frame.Floor(c.OpenTimeMs)))
        {
            var bars = group.ToList();
            var flags = (bars.Count < perBar ? CandleFlags.Partial : CandleFlags.None)
                | (bars.TrueForAll(c => c.Flags == CandleFlags.Flat) ? CandleFlags.Flat : CandleFlags.None);
            rollups.Add(new Candle(
                Btc,
                frame,
                group.Key,
                bars[0].Open,
                bars.Max(c => c.High),
                bars.Min(c => c.Low),
                bars[^1].Close,
                bars.Sum(c => c.Volume),
                bars.Sum(c => c.TradeCount),
                flags));
        }

        return rollups;
    }

    private static void AssertTimeOrdered(List<Candle> output)
    {
        for (var i = 1; i < output.Count; i++)
        {
            var (a, b) = (output[i - 1], output[i]);
            Assert.True(
                a.CloseTimeMs < b.CloseTimeMs || (a.CloseTimeMs == b.CloseTimeMs && a.Timeframe.CompareTo(b.Timeframe) < 0),
                $"{a.Timeframe}@{a.OpenTimeMs} before {b.Timeframe}@{b.OpenTimeMs}");
        }
    }
}
