using ActorArb.Actors.MarketData;
using ActorArb.Actors.Replay;
using ActorArb.Actors.Replay.Sources;
using ActorArb.Actors.Runtime;
using ActorArb.Actors.Tests.Replay.Sources;
using ActorArb.Domain.Market;
using ActorArb.Domain.Time;

namespace ActorArb.Actors.Tests.Replay;

/// <summary>
/// Several sources replayed at once arrive merged in the order their rows became known (a tick at its time, a candle
/// at its close), each at its own actor, with ties to the source listed first and each source's end at its place.
/// </summary>
public sealed class MergedSourceActorSpecs : IDisposable
{
    private const long T0 = 1_700_000_040_000;
    private readonly TempCsvFiles _files = new();

    [Fact]
    public void MergedSourceActor_should_interleave_candles_and_ticks_in_the_time_they_became_known()
    {
        var kraken = Candles("kraken.csv", 0, 1, 2, 5);
        var binance = Ticks("binance.csv", 30_000, 60_000, 61_000, 119_000, 185_000, 400_000);
        var seen = Run(
            [(new CsvCandleSource(kraken, Instrument("kraken"), Timeframe.OneMinute, CsvSourceOptions.Default), "kraken"),
             (new CsvTickSource(binance, Instrument("binance"), CsvSourceOptions.Default), "binance")],
            batchSize: 2);

        // Candles are known at their close (open + 1m); at 60 s the candle (listed first) goes before the tick.
        Assert.Equal(
            [
                "binance 30000", "kraken 60000", "binance 60000", "binance 61000", "binance 119000", "kraken 120000",
                "kraken 180000", "binance 185000", "kraken 360000", "kraken end", "binance 400000", "binance end",
            ],
            seen);
    }

    [Fact]
    public void MergedSourceActor_should_give_ties_to_the_source_listed_first_whatever_the_batch_size()
    {
        var a = Candles("a.csv", 0, 1, 2, 3);
        var b = Candles("b.csv", 0, 1, 2, 3);
        foreach (var batch in new[] { 1, 2, 3, 4096 })
        {
            var seen = Run(
                [(new CsvCandleSource(b, Instrument("b"), Timeframe.OneMinute, CsvSourceOptions.Default), "b"),
                 (new CsvCandleSource(a, Instrument("a"), Timeframe.OneMinute, CsvSourceOptions.Default), "a")],
                batch);
            Assert.Equal(["b 60000", "a 60000", "b 120000", "a 120000", "b 180000", "a 180000", "b 240000", "b end", "a 240000", "a end"], seen);
        }
    }

    [Fact]
    public void MergedSourceActor_should_report_a_bad_row_and_stop_when_a_source_stops_at_it()
    {
        var good = Candles("good.csv", 0, 1, 2);
        var bad = _files.Write("bad.csv", "timestamp_utc_ms,open,high,low,close,volume", $"{T0},1,1,1,1,1", $"{T0 + 60_000},1,oops,1,1,1");
        var system = ActorSystem.CreateDeterministic("merge", new ManualClock());
        var recorder = new List<string>();
        var sink = system.ActorOf(Props.Create(() => new Recorder(recorder, "x")), "sink");
        var observer = system.ActorOf(Props.Create(() => new Recorder(recorder, "observer")), "observer");
        var reader = system.ActorOf(MergedSourceActor.Props(
            [(new CsvCandleSource(good, Instrument("good"), Timeframe.OneMinute, CsvSourceOptions.Default), sink),
             (new CsvCandleSource(bad, Instrument("bad"), Timeframe.OneMinute, CsvSourceOptions.Default with { BadRows = BadRowPolicy.Stop }), sink)],
            observer,
            1), "source");
        reader.Tell(new ReplayProtocol.StartReplay());
        system.Deterministic!.RunUntilIdle();

        var failure = Assert.Single(recorder, r => r.StartsWith("observer failed", StringComparison.Ordinal));
        Assert.Contains("bad.csv:3:", failure, StringComparison.Ordinal);
        Assert.DoesNotContain(recorder, r => r.EndsWith(" end", StringComparison.Ordinal));
    }

    public void Dispose() => _files.Dispose();

    private static Instrument Instrument(string exchange) => new(new InstrumentId(exchange, "USDC/USD"), Price.Parse("0.0001"));

    private static List<string> Run(IReadOnlyList<(HistoricalSource Source, string Name)> sources, int batchSize)
    {
        var system = ActorSystem.CreateDeterministic("merge", new ManualClock());
        var seen = new List<string>();
        var lanes = sources.Select(s => (s.Source, system.ActorOf(Props.Create(() => new Recorder(seen, s.Name)), "sink-" + s.Name))).ToList();
        var observer = system.ActorOf(Props.Create(() => new Recorder([], "observer")), "observer");
        var reader = system.ActorOf(MergedSourceActor.Props(lanes, observer, batchSize), "source");
        reader.Tell(new ReplayProtocol.StartReplay());
        system.Deterministic!.RunUntilIdle();
        return seen;
    }

    private string Candles(string name, params int[] minutes) =>
        _files.Write(name, ["timestamp_utc_ms,open,high,low,close,volume", .. minutes.Select(m => $"{T0 + (m * 60_000L)},1,1,1,1,5")]);

    private string Ticks(string name, params long[] offsets) =>
        _files.Write(name, ["timestamp_utc_ms,trade_id,price,qty,taker_side", .. offsets.Select((o, i) => $"{T0 + o},{i + 1},1,2,buy")]);

    /// <summary>Writes each row's time (relative to the first minute) as it arrives, and the ends and failures.</summary>
    private sealed class Recorder : ReceiveActor
    {
        public Recorder(List<string> seen, string name)
        {
            Receive<MarketDataProtocol.CandleBatch>(b => seen.AddRange(b.Candles.Select(c => $"{name} {c.CloseTimeMs - T0}")));
            Receive<MarketDataProtocol.TickBatch>(b => seen.AddRange(b.Ticks.Select(t => $"{name} {t.TimeMs - T0}")));
            Receive<MarketDataProtocol.EndOfData>(_ => seen.Add($"{name} end"));
            Receive<ReplayProtocol.ReplayFailed>(f => seen.Add($"{name} failed {f.Reason}"));
            ReceiveAny(_ => { });
        }
    }
}
