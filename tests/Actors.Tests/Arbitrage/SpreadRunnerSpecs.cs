using ActorArb.Actors.Arbitrage;
using ActorArb.Actors.Persistence;
using ActorArb.Actors.Replay.Sources;
using ActorArb.Actors.Tests.Replay.Sources;
using ActorArb.Domain.Arbitrage;
using ActorArb.Domain.Events;
using ActorArb.Domain.Market;
using ActorArb.Domain.Market.Aggregation;
using ActorArb.Domain.Time;
using Xunit.Abstractions;

namespace ActorArb.Actors.Tests.Arbitrage;

/// <summary>
/// A spread replayed from several files through the actor graph (merged source, one aggregator per venue, the spread
/// actor, the journal) decides exactly as the domain engine fed the same candles by hand, and every event is stored.
/// </summary>
public sealed class SpreadRunnerSpecs(ITestOutputHelper output) : IDisposable
{
    private const long T0 = 1_700_000_040_000;
    private static readonly InstrumentId Kraken = new("kraken", "USDC/USD");
    private static readonly InstrumentId Binance = new("binance", "USDC/USD");
    private readonly TempCsvFiles _files = new();

    [Fact]
    public async Task SpreadRunner_should_equal_the_engine_fed_the_merged_candles_when_replaying_two_candle_files()
    {
        var (kraken, binance) = TwoVenues(minutes: 600, seed: 7);
        var options = Options(maxUnits: 400);
        var plan = new SpreadPlan("spec", [Candles(Kraken, kraken), Candles(Binance, binance)], Aggregation(), options);
        var store = new InMemoryEventStore(new ManualClock());

        var outcome = await SpreadRunner.RunAsync(plan, store);

        // The same candles, merged by close time (kraken listed first wins ties), straight into the engine.
        var engine = new SpreadArbitrage(options);
        var events = new List<IDomainEvent>();
        foreach (var candle in Read(Kraken, kraken).Select(c => (c, 0)).Concat(Read(Binance, binance).Select(c => (c, 1))).OrderBy(p => p.c.CloseTimeMs).ThenBy(p => p.Item2))
        {
            engine.OnCandle(candle.c, events);
        }

        engine.Flush(events);
        output.WriteLine($"{outcome.Counters}; arbitrage pnl {outcome.Arbitrages.Sum(a => a.NetPnl):R}");
        Assert.True(outcome.Counters.Executed >= 20, "the made-up spread should trade often");
        Assert.Equal(engine.Equity, outcome.Equity);
        Assert.Equal(engine.Trades, outcome.Trades);
        Assert.Equal(engine.Accounts, outcome.Accounts);
        Assert.Equal(engine.Counters, outcome.Counters);
        Assert.Equal(events.OfType<ArbitrageExecuted>(), outcome.Arbitrages);

        // Every candle (1m and the 1h roll-ups) and every arbitrage with its two fills is in the store.
        var spread = await store.ReadStreamAsync(SpreadArbitrageActor.StreamOf("spec", options.Id)).Select(e => e.Payload).ToListAsync();
        Assert.Equal(events, spread);
        Assert.Equal(3 * outcome.Arbitrages.Count, spread.Count);
        var krakenCandles = await store.ReadStreamAsync($"spec/candles/{Kraken}").Select(e => ((CandleClosed)e.Payload).Candle).ToListAsync();
        var binanceCandles = await store.ReadStreamAsync($"spec/candles/{Binance}").CountAsync();
        Assert.Equal(Read(Kraken, kraken), krakenCandles.Where(c => c.Timeframe == Timeframe.OneMinute));
        Assert.Contains(krakenCandles, c => c.Timeframe == Timeframe.Parse("1h"));
        Assert.Equal(outcome.EventsPersisted, krakenCandles.Count + binanceCandles + spread.Count);
    }

    [Fact]
    public async Task SpreadRunner_should_trade_a_tick_file_against_a_candle_file()
    {
        var (kraken, _) = TwoVenues(minutes: 120, seed: 3);
        var ticks = _files.Write("binance-ticks.csv", ["timestamp_utc_ms,trade_id,price,qty,taker_side", .. Enumerable.Range(0, 120).SelectMany(m => new[]
        {
            $"{T0 + (m * 60_000L) + 1_000},{(2 * m) + 1},{(m % 2 == 0 ? "1.0040" : "0.9960")},300,buy",
            $"{T0 + (m * 60_000L) + 50_000},{(2 * m) + 2},{(m % 2 == 0 ? "1.0040" : "0.9960")},300,sell",
        })]);
        var options = Options(maxUnits: 100);
        var plan = new SpreadPlan("ticks", [Candles(Kraken, kraken), new SpreadSource(Instrument(Binance), () => new CsvTickSource(ticks, Instrument(Binance), CsvSourceOptions.Default), Timeframe.OneMinute)], Aggregation(), options);

        var first = await SpreadRunner.RunAsync(plan);
        var again = await SpreadRunner.RunAsync(plan);

        output.WriteLine($"{first.Counters}");
        Assert.True(first.Counters.Evaluations >= 119, "every minute with both venues is evaluated");
        Assert.Contains(first.Arbitrages, a => a.BuyLeg == Binance);
        Assert.Contains(first.Arbitrages, a => a.SellLeg == Binance);
        Assert.All(first.Arbitrages, a => Assert.True(a.NetPnl > 0));
        Assert.Equal(first.Equity, again.Equity);
        Assert.Equal(first.Arbitrages, again.Arbitrages);
        Assert.Equal(first.Accounts.Sum(a => a.Units), options.Legs.Sum(l => l.InitialUnits), 9);
    }

    [Fact]
    public async Task SpreadRunner_should_refuse_a_plan_whose_sources_are_not_its_legs()
    {
        var (kraken, _) = TwoVenues(minutes: 10, seed: 1);
        var plan = new SpreadPlan("bad", [Candles(Kraken, kraken), Candles(new InstrumentId("coinbase", "USDC/USD"), kraken)], Aggregation(), Options(maxUnits: 10));

        var e = await Assert.ThrowsAsync<ArgumentException>(() => SpreadRunner.RunAsync(plan));
        Assert.Contains("binance:USDC/USD", e.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _files.Dispose();

    private static SpreadOptions Options(double maxUnits) => new(
        "arb",
        Timeframe.OneMinute,
        [new SpreadLeg(Kraken, 10, 5_000, 5_000), new SpreadLeg(Binance, 10, 5_000, 5_000)],
        SlippageBufferBps: 2,
        MinEdgeBps: 1,
        MaxUnits: maxUnits,
        MinUnits: 1,
        MaxQuoteAgeMs: 120_000,
        SlippageBps: 1,
        MaxParticipation: 0.5);

    private static CandleAggregatorOptions Aggregation() => new([Timeframe.Parse("1h")], 0, EmitFlatCandles: true, Price.Parse("0.0001"));

    private static Instrument Instrument(InstrumentId id) => new(id, Price.Parse("0.0001"));

    private static IReadOnlyList<Candle> Read(InstrumentId id, string path)
    {
        using var source = new CsvCandleSource(path, Instrument(id), Timeframe.OneMinute, CsvSourceOptions.Default);
        var candles = new List<Candle>();
        while (source.ReadCandles(candles, 4096) > 0)
        {
        }

        return candles;
    }

    private static SpreadSource Candles(InstrumentId id, string path) =>
        new(Instrument(id), () => new CsvCandleSource(path, Instrument(id), Timeframe.OneMinute, CsvSourceOptions.Default), Timeframe.OneMinute);

    /// <summary>Two venues around 1.0 whose closes wander apart by up to 60 bps, with some idle minutes on each.</summary>
    private (string Kraken, string Binance) TwoVenues(int minutes, int seed)
    {
        var random = new Random(seed);
        var kraken = new List<string> { "timestamp_utc_ms,open,high,low,close,volume" };
        var binance = new List<string> { "timestamp_utc_ms,open,high,low,close,volume" };
        for (var m = 0; m < minutes; m++)
        {
            var open = T0 + (m * 60_000L);
            var k = 10_000 + random.Next(-30, 31);
            var b = 10_000 + random.Next(-30, 31);
            kraken.Add($"{open},{Px(k)},{Px(k + 2)},{Px(k - 2)},{Px(k)},{(random.Next(10) == 0 ? 0 : random.Next(100, 2_000))}");
            if (random.Next(15) != 0)
            {
                binance.Add($"{open},{Px(b)},{Px(b + 2)},{Px(b - 2)},{Px(b)},{random.Next(100, 2_000)}");
            }
        }

        return (_files.Write($"kraken-{seed}.csv", [.. kraken]), _files.Write($"binance-{seed}.csv", [.. binance]));
    }

    private static string Px(int tenThousandths) => (tenThousandths / 10_000m).ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture);
}
