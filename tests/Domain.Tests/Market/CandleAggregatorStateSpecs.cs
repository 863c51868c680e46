using ActorArb.Domain.Market;
using ActorArb.Domain.Market.Aggregation;
using static ActorArb.Domain.Tests.Market.AggregatorTestData;

namespace ActorArb.Domain.Tests.Market;

/// <summary>
/// Export and restore: cutting a run anywhere, exporting, restoring into a fresh aggregator and feeding it the rest
/// gives exactly the candles and counters of the uninterrupted run.
/// </summary>
public sealed class CandleAggregatorStateSpecs
{
    private static readonly Timeframe[] Rollups = Frames("1h", "4h", "1d");

    public static TheoryData<ulong, bool> Seeds()
    {
        var data = new TheoryData<ulong, bool>();
        for (var seed = 1UL; seed <= 24; seed++)
        {
            data.Add(seed, seed % 2 == 0);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Restore_should_continue_bit_for_bit_when_a_run_is_cut_anywhere(ulong seed, bool flats)
    {
        var random = new SeededRandom(seed);
        long[] latenesses = [0, 30_000, 150_000, 600_000];
        var lateness = latenesses[random.Next(latenesses.Length)];
        var options = new CandleAggregatorOptions(Rollups, lateness, flats, seed % 3 == 0 ? Price.Parse("0.01") : null);
        var inputs = Inputs(random, 3_000, lateness);
        var whole = Aggregator(options);
        var expected = new List<Candle>();
        Apply(whole, inputs, 0, inputs.Count, expected);
        whole.Flush(expected);

        // Many cuts in one pass (for a quarter of the seeds, after every input): each restored aggregator is cut again
        // further on, as repeated restarts would be.
        var cuts = seed % 4 == 1
            ? Enumerable.Range(0, inputs.Count + 1).ToList()
            : Enumerable.Range(0, 40).Select(_ => random.Next(inputs.Count + 1)).Append(0).Append(inputs.Count).Distinct().Order().ToList();
        var current = Aggregator(options);
        var output = new List<Candle>();
        var from = 0;
        foreach (var cut in cuts)
        {
            Apply(current, inputs, from, cut, output);
            var state = current.Export();
            current = CandleAggregator.Restore(Btc, options, state);
            Assert.Equal(state.Minutes.AsEnumerable(), current.Export().Minutes);
            from = cut;
        }

        current.Flush(output);
        Assert.Equal(expected, output);
        Assert.Equal(
            (whole.LateTicks, whole.LateCandles, whole.DuplicateCandles, whole.OffGrid, whole.Watermark),
            (current.LateTicks, current.LateCandles, current.DuplicateCandles, current.OffGrid, current.Watermark));
        Assert.True(whole.LateTicks > 0 || lateness == 0, "the stream should hold trades later than the lateness");
    }

    [Fact]
    public void Restore_should_keep_the_minute_and_the_hour_in_progress_when_cut_mid_minute()
    {
        var options = new CandleAggregatorOptions(Frames("1h"), EmitFlatCandles: false);
        var before = Aggregator(options);
        var output = new List<Candle>();
        before.OnTick(Tick(M(58) + 1_000, "10", 2), output);
        before.OnTick(Tick(M(59) + 5_000, "12", 1), output);

        var restored = CandleAggregator.Restore(Btc, options, before.Export());
        restored.OnTick(Tick(M(59) + 40_000, "9", 3), output);
        restored.OnTick(Tick(M(60) + 1_000, "11"), output);

        Assert.Equal(
            [
                Minute(M(58), "10", "10", "10", "10", 2, 1),
                Minute(M(59), "12", "12", "9", "9", 4, 2),
                new Candle(Btc, Tf("1h"), T0, Price.Parse("10"), Price.Parse("12"), Price.Parse("9"), Price.Parse("9"), 6, 3, CandleFlags.Partial),
            ],
            output);
    }

    [Fact]
    public void Restore_should_refuse_a_state_built_under_other_options()
    {
        var options = new CandleAggregatorOptions(Frames("1h", "4h"), 30_000);
        var source = Aggregator(options);
        source.OnTick(Tick(M(1), "10"), []);
        var state = source.Export();

        CandleAggregatorOptions[] others =
        [
            options with { Timeframes = Frames("1h") },
            options with { AllowedLatenessMs = 60_000 },
            options with { EmitFlatCandles = false },
            options with { TickSize = Price.Parse("0.5") },
        ];
        foreach (var other in others)
        {
            Assert.False(CandleAggregator.CanRestore(Btc, other, state));
            Assert.Throws<ArgumentException>("state", () => CandleAggregator.Restore(Btc, other, state));
        }

        Assert.Throws<ArgumentException>("state", () => CandleAggregator.Restore(new InstrumentId("binance", "BTC/USD"), options, state));
        Assert.True(CandleAggregator.CanRestore(Btc, options with { Timeframes = Frames("4h", "1m", "1h", "4h") }, state));
    }

    [Fact]
    public void Restore_should_refuse_open_minutes_further_apart_than_the_lateness_allows()
    {
        var options = new CandleAggregatorOptions(Frames("1h"), 60_000);
        var source = Aggregator(options);
        source.OnTick(Tick(M(1), "10"), []);
        var state = source.Export();
        var far = state.Minutes[0] with { OpenTimeMs = M(1) + (3 * MinuteMs) };

        Assert.Throws<ArgumentException>("state", () => CandleAggregator.Restore(Btc, options, state with { Minutes = [state.Minutes[0], far] }));
        Assert.Throws<ArgumentException>("state", () => CandleAggregator.Restore(Btc, options, state with { Minutes = [state.Minutes[0] with { OpenTimeMs = M(-1) }] }));
    }

    private static void Apply(CandleAggregator aggregator, List<Input> inputs, int from, int to, List<Candle> output)
    {
        for (var i = from; i < to; i++)
        {
            var input = inputs[i];
            if (input.Tick is { } tick)
            {
                aggregator.OnTick(tick, output);
            }
            else if (input.Candle is { } candle)
            {
                aggregator.OnCandle(candle, output);
            }
            else
            {
                aggregator.AdvanceWatermark(input.WatermarkMs, output);
            }
        }
    }

    /// <summary>
    /// Returns trades on a 0.01 grid (a few off it) with gaps of seconds to a day, delayed by up to the lateness, a few
    /// later than it, and now and then a whole 1m candle or a bare watermark.
    /// </summary>
    private static List<Input> Inputs(SeededRandom random, int count, long latenessMs)
    {
        var events = new List<(long Arrival, Input Input)>(count);
        var time = T0 + (13 * MinuteMs) + 7_001;
        long cents = 10_000;
        for (var i = 0; i < count; i++)
        {
            time += random.Next(300) switch
            {
                0 => 1 + random.Next(26 * 3_600_000),
                < 4 => 1 + random.Next(90 * (int)MinuteMs),
                < 20 => 1 + random.Next(3 * (int)MinuteMs),
                _ => 1 + random.Next(20_000),
            };
            cents = Math.Max(1, cents + random.Next(21) - 10);
            var price = new Price((cents * 10_000_000) + (random.Next(100) == 0 ? 1 : 0));
            var size = (1 + random.Next(64)) / 8.0;
            var kind = random.Next(100);
            var arrival = time + (long)(random.NextDouble() * latenessMs);
            Input input = kind switch
            {
                0 => new(null, Minute(Timeframe.OneMinute.Floor(time), "100", "101", "99", "100.5", size, 3) with { Flags = size < 4 ? CandleFlags.Flat : CandleFlags.None }, 0),
                1 => new(null, null, time),
                _ => new(new TradeTick(Btc, kind == 2 ? time - latenessMs - 1 - random.Next(120_000) : time, price, size, Side.Buy, "t"), null, 0),
            };
            events.Add((arrival, input));
        }

        // A stable sort keeps equal arrivals in generation order, so the input order is a function of the seed.
        return [.. events.OrderBy(e => e.Arrival).Select(e => e.Input)];
    }

    private sealed record Input(TradeTick? Tick, Candle? Candle, long WatermarkMs);
}
