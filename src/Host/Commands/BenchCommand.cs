using System.Diagnostics;
using System.Globalization;
using ActorArb.Actors.Persistence.Postgres;
using ActorArb.Actors.Replay;
using ActorArb.Actors.Replay.Sources;
using ActorArb.Domain.Execution;
using ActorArb.Domain.Market;
using ActorArb.Domain.Market.Aggregation;
using ActorArb.Domain.Market.Synthetic;
using ActorArb.Domain.Regimes;
using ActorArb.Domain.Risk;
using ActorArb.Domain.Strategies;
using ActorArb.Host.Bench;

namespace ActorArb.Host.Commands;

/// <summary>
/// <c>actorarb bench replay</c>: replay throughput through the whole actor graph (source → candles → regime →
/// strategy → risk → execution → portfolio, every event persisted in memory), on ticks and on 1m candles,
/// next to a plain-loop baseline over the same source and domain objects measured in the same run.
/// Each figure is the best of <c>--repeats</c> runs.
/// </summary>
internal static class BenchCommand
{
    private const string TickFile = "ticks/binance/BTCUSDT-spot-trades-20240808T2354Z-20240809T0005Z.csv.gz";

    public static async Task<int> RunAsync(CommandLine line)
    {
        if (line.Verbs.Count == 2 && line.Verbs[1] == "store")
        {
            return await StoreAsync(line).ConfigureAwait(false);
        }

        if (line.Verbs.Count == 2 && line.Verbs[1] == "optimize")
        {
            return await OptimizeBench.RunAsync(line).ConfigureAwait(false);
        }

        if (line.Verbs.Count == 2 && line.Verbs[1] == "live")
        {
            return await LiveBench.RunAsync(line).ConfigureAwait(false);
        }

        if (line.Verbs.Count < 2 || line.Verbs[1] != "replay")
        {
            throw new UsageException("bench: expected `bench replay`, `bench store`, `bench optimize` or `bench live`");
        }

        var tickRepeat = (int)(line.GetLong("tick-repeats") ?? 150);
        var candleDays = (int)(line.GetLong("candle-days") ?? 365);
        var repeats = (int)Math.Max(1, line.GetLong("repeats") ?? 3);
        var tickPath = line.Get("ticks") ?? SharedData.Find(TickFile);
        line.EnsureAllRead("bench replay");

        Console.Out.WriteLine($"bench replay: best of {repeats}; {Environment.ProcessorCount} cores; .NET {Environment.Version}");
        Console.Out.WriteLine("case                               rows        baseline rows/s   actor graph rows/s   graph/baseline");
        if (tickPath is null)
        {
            Console.Out.WriteLine($"ticks: skipped ({TickFile} not found under ../shared/data; pass --ticks FILE)");
        }
        else
        {
            var btc = new Instrument(new InstrumentId("binance", "BTC/USDT"), Price.Parse("0.01"));
            await Measure($"ticks x{tickRepeat} (binance BTCUSDT)", TickPlan(btc, tickPath, tickRepeat), repeats).ConfigureAwait(false);
        }

        var usdc = new Instrument(new InstrumentId("synthetic", "USDC/USD"), Price.Parse("0.0001"), Price.Parse("1"));
        await Measure($"1m candles ({candleDays} days synthetic)", CandlePlan(usdc, candleDays), repeats).ConfigureAwait(false);
        return 0;
    }

    /// <summary>
    /// <c>bench store</c>: the PostgreSQL event store (bulk COPY, single and batched appends, subscription lag)
    /// next to the in-memory store in the same run, in a scratch schema it creates and drops.
    /// </summary>
    private static async Task<int> StoreAsync(CommandLine line)
    {
        var connection = line.Get("connection") ?? Environment.GetEnvironmentVariable("ACTORARB_PG");
        line.EnsureAllRead("bench store");
        if (string.IsNullOrWhiteSpace(connection))
        {
            throw new UsageException("bench store: set ACTORARB_PG (or --connection) to a PostgreSQL connection string; the run uses its own scratch schema");
        }

        // Other work on the machine moves the figures (the server shares its cores), so the load is shown with them.
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bench store: {Environment.ProcessorCount} cores; {LoadAverage.Describe()} before"));
        var result = await EventStoreBenchmark.RunAsync(connection).ConfigureAwait(false);
        Console.Out.WriteLine(result.ToString());
        Console.Out.WriteLine($"{LoadAverage.Describe()} after");
        return 0;
    }

    private static async Task Measure(string name, BacktestPlan plan, int repeats)
    {
        var baseline = double.MaxValue;
        var graph = double.MaxValue;
        long rows = 0;
        double plainEquity = 0;
        double graphEquity = 0;
        for (var i = 0; i < repeats; i++)
        {
            var sw = Stopwatch.StartNew();
            (rows, plainEquity) = PlainLoopReplay.Run(plan);
            baseline = Math.Min(baseline, sw.Elapsed.TotalSeconds);

            sw.Restart();
            var outcome = await BacktestRunner.RunAsync(plan).ConfigureAwait(false);
            graph = Math.Min(graph, sw.Elapsed.TotalSeconds);
            graphEquity = outcome.Metrics.FinalEquity;
        }

        var c = CultureInfo.InvariantCulture;
        Console.Out.WriteLine(string.Create(c, $"{name,-34} {rows,10:N0}   {rows / baseline,15:N0}   {rows / graph,18:N0}   {baseline / graph,14:P1}"));
        if (!graphEquity.Equals(plainEquity))
        {
            Console.Out.WriteLine(string.Create(c, $"  note: final equity differs: plain loop {plainEquity:R}, actor graph {graphEquity:R}"));
        }
    }

    private static BacktestPlan TickPlan(Instrument instrument, string path, int repeat) => new(
        "bench-ticks",
        instrument,
        () => new CsvTickSource(path, instrument, new CsvSourceOptions(BadRowPolicy.Skip, Repeat: repeat)),
        Timeframe.OneMinute,
        new CandleAggregatorOptions([Timeframe.Parse("1h"), Timeframe.Parse("4h"), Timeframe.Parse("1d")], TickSize: instrument.TickSize),
        new RegimeOptions(),
        Timeframe.OneMinute,
        () => new SwingStrategy("swing", Timeframe.OneMinute, new SwingOptions(0.05)),
        Timeframe.OneMinute,
        RiskLimits.None,
        new FillModel(10, 5, 1),
        10_000,
        BatchSize: 8192);

    private static BacktestPlan CandlePlan(Instrument instrument, int days) => new(
        "bench-candles",
        instrument,
        () => new SyntheticCandleSource(instrument, new SyntheticPegOptions { Bars = days * 1440, TickSize = instrument.TickSize }),
        Timeframe.OneMinute,
        new CandleAggregatorOptions([Timeframe.Parse("1h"), Timeframe.Parse("2h"), Timeframe.Parse("4h"), Timeframe.Parse("1d")], TickSize: instrument.TickSize),
        new RegimeOptions(),
        Timeframe.OneMinute,
        () => new PegThresholdStrategy("peg", Timeframe.OneMinute, new PegThresholdOptions(Price.Parse("0.9975"), Price.Parse("1.0025"))),
        Timeframe.OneMinute,
        new RiskLimits(),
        new FillModel(10, 5, 1),
        10_000,
        BatchSize: 8192);
}
