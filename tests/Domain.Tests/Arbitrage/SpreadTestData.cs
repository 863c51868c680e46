using System.Text.Json;
using ActorArb.Domain.Arbitrage;
using ActorArb.Domain.Events;
using ActorArb.Domain.Market;
using ActorArb.Domain.Tests.Market;

namespace ActorArb.Domain.Tests.Arbitrage;

/// <summary>Instruments, options, candles and a seeded random feed for the spread arbitrage specs.</summary>
internal static class SpreadTestData
{
    public const long Minute = 60_000;

    /// <summary>A close time aligned to the minute.</summary>
    public const long T = 1_700_000_040_000;

    public static readonly InstrumentId A = new("kraken", "USDC/USDT");
    public static readonly InstrumentId B = new("binance", "USDC/USDT");
    public static readonly InstrumentId C = new("coinbase", "USDC/USDT");

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static SpreadLeg Leg(InstrumentId id, double feeBps = 10, double cash = 1000, double units = 1000) => new(id, feeBps, cash, units);

    public static SpreadOptions Options(
        IReadOnlyList<SpreadLeg>? legs = null,
        double bufferBps = 5,
        double minEdgeBps = 0,
        double maxUnits = 100,
        double minUnits = 0,
        long maxQuoteAgeMs = 2 * Minute,
        double slippageBps = 2,
        double maxParticipation = 0) =>
        new("spread-test", Timeframe.OneMinute, legs ?? [Leg(A), Leg(B)], bufferBps, minEdgeBps, maxUnits, minUnits, maxQuoteAgeMs, slippageBps, maxParticipation);

    /// <summary>Returns a 1m candle closing at <paramref name="closeMs"/> whose OHLC are all <paramref name="close"/>.</summary>
    public static Candle Bar(InstrumentId id, long closeMs, string close, double volume = 500, CandleFlags flags = CandleFlags.None)
    {
        var price = Price.Parse(close);
        return new Candle(id, Timeframe.OneMinute, closeMs - Minute, price, price, price, price, volume, volume > 0 ? 1 : 0, flags);
    }

    public static List<IDomainEvent> Feed(SpreadArbitrage engine, params Candle[] candles)
    {
        var output = new List<IDomainEvent>();
        foreach (var candle in candles)
        {
            engine.OnCandle(candle, output);
        }

        return output;
    }

    /// <summary>Returns the state as JSON text: doubles print as their shortest round-trip form, so equal text means equal bits.</summary>
    public static string ToJson(SpreadState state) => JsonSerializer.Serialize(state, Json);

    public static SpreadState FromJson(string json) => JsonSerializer.Deserialize<SpreadState>(json, Json)!;

    /// <summary>Returns the events as JSON text, each written as its runtime type.</summary>
    public static string ToJson(IEnumerable<IDomainEvent> events) =>
        string.Join('\n', events.Select(e => e.GetType().Name + JsonSerializer.Serialize(e, e.GetType(), Json)));

    /// <summary>
    /// Returns a seeded feed for three legs around 1.0: ±30 bps of noise in 0.0001 ticks, some flat, zero-volume
    /// and missing bars, each minute's candles in random order, some arriving a minute late, plus candles of another
    /// timeframe and of an instrument that is not a leg.
    /// </summary>
    public static List<Candle> RandomFeed(ulong seed, int minutes)
    {
        var random = new SeededRandom(seed);
        var legs = new[] { A, B, C };
        var lastClose = new long[] { 10_000, 10_000, 10_000 };
        var feed = new List<Candle>();
        var late = new List<Candle>();
        for (var m = 0; m < minutes; m++)
        {
            var closeMs = T + (m * Minute);
            var minute = new List<Candle>();
            for (var k = 0; k < legs.Length; k++)
            {
                var roll = random.Next(20);
                if (roll == 0)
                {
                    continue;
                }

                var ticks = roll == 1 ? lastClose[k] : 10_000 + random.Next(61) - 30;
                var flags = roll == 1 ? CandleFlags.Flat : CandleFlags.None;
                var volume = roll is 1 or 2 ? 0 : random.NextDouble() * 800;
                lastClose[k] = ticks;
                var price = new Price(ticks * 100_000);
                minute.Add(new Candle(legs[k], Timeframe.OneMinute, closeMs - Minute, price, price, price, price, volume, volume > 0 ? 3 : 0, flags));
            }

            if (random.Next(10) == 0)
            {
                minute.Add(new Candle(new InstrumentId("kraken", "USDT/USD"), Timeframe.OneMinute, closeMs - Minute, new Price(900_000_000), new Price(900_000_000), new Price(900_000_000), new Price(900_000_000), 5, 1, CandleFlags.None));
            }

            if (random.Next(10) == 0)
            {
                var fiveMinutes = new Timeframe(5 * Minute);
                minute.Add(new Candle(A, fiveMinutes, fiveMinutes.Floor(closeMs), new Price(800_000_000), new Price(800_000_000), new Price(800_000_000), new Price(800_000_000), 5, 1, CandleFlags.None));
            }

            for (var i = minute.Count - 1; i > 0; i--)
            {
                var j = random.Next(i + 1);
                (minute[i], minute[j]) = (minute[j], minute[i]);
            }

            // The previous minute's late candles arrive after this minute's first one, so they close before the pending time.
            var previousLate = late.ToArray();
            late.Clear();
            foreach (var candle in minute)
            {
                if (random.Next(12) == 0)
                {
                    late.Add(candle);
                }
                else
                {
                    feed.Add(candle);
                    feed.AddRange(previousLate);
                    previousLate = [];
                }
            }

            feed.AddRange(previousLate);
        }

        feed.AddRange(late);
        return feed;
    }
}
