using System.Text.Json;
using ActorArb.Actors.Persistence.Serialization;
using ActorArb.Domain.Market;
using ActorArb.Domain.Market.Aggregation;

namespace ActorArb.Actors.Tests.Live;

/// <summary>
/// The aggregator's state in the form a checkpoint stores it: exported at any cut, written and read back with the
/// application's JSON options, restored and fed the rest, it gives exactly the uninterrupted run's candles.
/// </summary>
public sealed class CandleAggregatorStateJsonSpecs
{
    private static readonly InstrumentId Btc = new("kraken", "BTC/USD");
    private static readonly JsonSerializerOptions Json = EventSerializer.CreateOptions();

    [Theory]
    [InlineData(1UL, true, 0L)]
    [InlineData(2UL, false, 0L)]
    [InlineData(3UL, true, 120_000L)]
    [InlineData(4UL, false, 120_000L)]
    public void Restore_should_continue_bit_for_bit_when_the_state_went_through_json(ulong seed, bool flats, long latenessMs)
    {
        var options = new CandleAggregatorOptions([Timeframe.Parse("1d"), Timeframe.Parse("1h"), Timeframe.Parse("4h")], latenessMs, flats, seed % 2 == 1 ? Price.Parse("0.01") : null);
        var ticks = Ticks(seed, 2_000, latenessMs);
        var whole = new CandleAggregator(Btc, options);
        var expected = new List<Candle>();
        foreach (var tick in ticks)
        {
            whole.OnTick(tick, expected);
        }

        whole.Flush(expected);
        var current = new CandleAggregator(Btc, options);
        var output = new List<Candle>();
        for (var i = 0; i < ticks.Count; i++)
        {
            if (i % 37 == 0)
            {
                var text = JsonSerializer.Serialize(current.Export(), Json);
                current = CandleAggregator.Restore(Btc, options, JsonSerializer.Deserialize<CandleAggregatorState>(text, Json)!);
                Assert.Equal(text, JsonSerializer.Serialize(current.Export(), Json));
            }

            current.OnTick(ticks[i], output);
        }

        current.Flush(output);
        Assert.Equal(expected, output);
        Assert.Equal((whole.LateTicks, whole.OffGrid), (current.LateTicks, current.OffGrid));
    }

    /// <summary>Returns trades with gaps of seconds to a day, sizes in eighths, delayed by up to the lateness, a few later than it.</summary>
    private static List<TradeTick> Ticks(ulong seed, int count, long latenessMs)
    {
        var random = new Random((int)seed);
        var time = 1_678_406_400_000 + 1_000_017;
        long cents = 10_000;
        var ticks = new List<(long Arrival, TradeTick Tick)>(count);
        for (var i = 0; i < count; i++)
        {
            time += random.Next(200) == 0 ? 1 + random.Next(86_400_000) : 1 + random.Next(30_000);
            cents = Math.Max(1, cents + random.Next(21) - 10);
            var late = random.Next(50) == 0;
            var at = late ? time - latenessMs - 60_000 : time;
            var tick = new TradeTick(Btc, at, new Price((cents * 10_000_000) + (random.Next(100) == 0 ? 3 : 0)), (1 + random.Next(64)) / 8.0, Side.Sell, "t");
            ticks.Add((time + (long)(random.NextDouble() * latenessMs), tick));
        }

        return [.. ticks.OrderBy(t => t.Arrival).Select(t => t.Tick)];
    }
}
