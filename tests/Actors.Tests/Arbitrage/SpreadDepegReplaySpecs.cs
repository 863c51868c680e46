using System.Globalization;
using System.IO.Compression;
using ActorArb.Actors.Arbitrage;
using ActorArb.Actors.Replay.Sources;
using ActorArb.Domain.Arbitrage;
using ActorArb.Domain.Market;
using ActorArb.Domain.Market.Aggregation;
using Xunit.Abstractions;

namespace ActorArb.Actors.Tests.Arbitrage;

/// <summary>
/// The spread on real data: Kraken's and Binance's USDC/USDT 1m candles over the March 2023 de-peg, replayed from both
/// files at once. Each arbitrage is checked against the files themselves: both venues' candles of that very minute
/// carry the closes it traded on, with volume, and the closes pay both fees, the buffer and the minimum edge.
/// </summary>
public sealed class SpreadDepegReplaySpecs(ITestOutputHelper output)
{
    private const string KrakenFile = "candles/kraken/USDCUSDT-1m-20230301-20230321.csv.gz";
    private const string BinanceFile = "candles/binance/USDCUSDT-1m-20230301-20230321.csv";
    private static readonly InstrumentId Kraken = new("kraken", "USDC/USDT");
    private static readonly InstrumentId Binance = new("binance", "USDC/USDT");

    [Fact]
    public async Task Spread_should_trade_only_minutes_whose_closes_pay_both_fees_when_replaying_the_depeg_from_two_files()
    {
        if (SharedData.File(KrakenFile) is not { } kraken || SharedData.File(BinanceFile) is not { } binance)
        {
            output.WriteLine("skipped: the USDC/USDT candle files are not under shared/data");
            return;
        }

        var options = new SpreadOptions(
            "usdc-usdt",
            Timeframe.OneMinute,
            [new SpreadLeg(Kraken, 26, 5_000, 5_000), new SpreadLeg(Binance, 10, 5_000, 5_000)],
            SlippageBufferBps: 2,
            MinEdgeBps: 5,
            MaxUnits: 1_000,
            MinUnits: 10,
            MaxQuoteAgeMs: 120_000,
            SlippageBps: 1,
            MaxParticipation: 0.25);
        var tick = Price.Parse("0.0001");
        var plan = new SpreadPlan(
            "depeg",
            [
                new SpreadSource(new Instrument(Kraken, tick), () => new CsvCandleSource(kraken, new Instrument(Kraken, tick), Timeframe.OneMinute, CsvSourceOptions.Default), Timeframe.OneMinute),
                new SpreadSource(new Instrument(Binance, tick), () => new CsvCandleSource(binance, new Instrument(Binance, tick), Timeframe.OneMinute, CsvSourceOptions.Default), Timeframe.OneMinute),
            ],
            new CandleAggregatorOptions([Timeframe.Parse("1h")], 0, EmitFlatCandles: true, tick),
            options);

        var outcome = await SpreadRunner.RunAsync(plan);
        var again = await SpreadRunner.RunAsync(plan);

        output.WriteLine($"{outcome.Counters}; pnl {outcome.Arbitrages.Sum(a => a.NetPnl):R}; final equity {outcome.Metrics.FinalEquity:R}");
        Assert.True(outcome.Arbitrages.Count >= 20, $"the de-peg should open the spread often, got {outcome.Arbitrages.Count}");
        Assert.Equal(outcome.Equity, again.Equity);
        Assert.Equal(outcome.Arbitrages, again.Arbitrages);

        var krakenRows = Rows(kraken);
        var binanceRows = Rows(binance);
        foreach (var a in outcome.Arbitrages)
        {
            // Both venues traded in the minute that closed at the arbitrage's time, at the closes it used.
            var buy = (a.BuyLeg == Kraken ? krakenRows : binanceRows)[a.TimeMs - 60_000];
            var sell = (a.SellLeg == Kraken ? krakenRows : binanceRows)[a.TimeMs - 60_000];
            Assert.Equal(buy.Close, a.BuyClose.ToString());
            Assert.Equal(sell.Close, a.SellClose.ToString());
            Assert.True(buy.Volume > 0 && sell.Volume > 0);
            Assert.True(a.Quantity <= 0.25 * Math.Min(buy.Volume, sell.Volume) + 1e-9);

            // The closes pay both taker fees and the slippage buffer with at least 5 bps to spare.
            var buyFee = a.BuyLeg == Kraken ? 0.0026 : 0.0010;
            var sellFee = a.SellLeg == Kraken ? 0.0026 : 0.0010;
            var cost = double.Parse(buy.Close, CultureInfo.InvariantCulture) * 1.0002 * (1 + buyFee);
            var proceeds = double.Parse(sell.Close, CultureInfo.InvariantCulture) * 0.9998 * (1 - sellFee);
            Assert.True((proceeds - cost) / cost * 1e4 >= 5 - 1e-9, $"arbitrage at {a.TimeMs}: {buy.Close} → {sell.Close}");
            Assert.True(a.NetPnl > 0);
        }

        Assert.Equal(10_000, outcome.Accounts.Sum(x => x.Units), 6);
        Assert.Equal(10_000 + outcome.Arbitrages.Sum(a => a.NetPnl), outcome.Accounts.Sum(x => x.Cash), 6);
    }

    /// <summary>Each row of a candle file by open time: the close as written and the volume.</summary>
    private static Dictionary<long, (string Close, double Volume)> Rows(string path)
    {
        using var file = File.OpenRead(path);
        using var text = new StreamReader(path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file);
        var rows = new Dictionary<long, (string, double)>();
        text.ReadLine();
        while (text.ReadLine() is { } line)
        {
            var f = line.Split(',');
            rows[long.Parse(f[0], CultureInfo.InvariantCulture)] = (Price.Parse(f[4]).ToString(), double.Parse(f[5], CultureInfo.InvariantCulture));
        }

        return rows;
    }
}
