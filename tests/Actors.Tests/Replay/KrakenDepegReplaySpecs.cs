using System.Globalization;
using ActorArb.Actors.Replay;
using ActorArb.Actors.Replay.Sources;
using ActorArb.Domain.Execution;
using ActorArb.Domain.Market;
using ActorArb.Domain.Market.Aggregation;
using ActorArb.Domain.Regimes;
using ActorArb.Domain.Risk;
using ActorArb.Domain.Strategies;
using Xunit.Abstractions;

namespace ActorArb.Actors.Tests.Replay;

/// <summary>
/// The backtest through the whole actor graph on the real March 2023 USDC de-peg (Kraken 1m) must equal an
/// independent calculation written plainly here: a loop over the same CSV rows with the same fee and slippage
/// rules, no domain types involved.
/// </summary>
public sealed class KrakenDepegReplaySpecs(ITestOutputHelper output)
{
    private const string File = "candles/kraken/USDCUSD-1m-20230301-20230321.csv";
    private const double Cash = 10_000;
    private const double FeeBps = 10;
    private const double SlipBps = 2;

    [Theory]
    [InlineData("0.9990", "1.0001", 3)]
    [InlineData("0.9998", "1.0003", 2)]
    [InlineData("0.9975", "1.0000", 2)]
    [InlineData("0.9500", "0.9990", 1)]
    public async Task Backtest_should_equal_a_naive_loop_when_replaying_the_kraken_depeg(string buy, string sell, int minEntries)
    {
        if (SharedData.File(File) is not { } path)
        {
            output.WriteLine($"skipped: {File} not found under shared/data");
            return;
        }

        var outcome = await BacktestRunner.RunAsync(Plan(path, buy, sell, RiskLimits.None, latencyMs: 0));
        var expected = NaiveLoop(path, decimal.Parse(buy, CultureInfo.InvariantCulture), decimal.Parse(sell, CultureInfo.InvariantCulture));

        output.WriteLine($"b={buy} s={sell}: final {outcome.Metrics.FinalEquity:R} trades {outcome.Metrics.TradeCount} mdd {outcome.Metrics.MaxDrawdown:R}");
        Assert.True(expected.Entries.Count >= minEntries, $"the thresholds should trade at least {minEntries} times on this data");
        Assert.Equal(expected.FinalEquity, outcome.Metrics.FinalEquity);
        Assert.Equal(expected.MaxDrawdown, outcome.Metrics.MaxDrawdown);
        Assert.Equal(expected.Entries.Count, outcome.Metrics.TradeCount);
        Assert.Equal(expected.Entries, outcome.Trades.Select(t => (t.EntryTimeMs, t.Quantity)).ToList());
        Assert.Equal(expected.Exits, outcome.Trades.Where(t => t.ExitTimeMs is not null).Select(t => t.ExitTimeMs!.Value).ToList());
        Assert.Equal(expected.EquityPoints, outcome.Equity.Count);
    }

    [Fact]
    public async Task Regime_detector_should_report_depeg_around_2023_03_11_through_the_actor_graph()
    {
        if (SharedData.File(File) is not { } path)
        {
            output.WriteLine($"skipped: {File} not found under shared/data");
            return;
        }

        var outcome = await BacktestRunner.RunAsync(Plan(path, "0.9990", "1.0001", new RiskLimits(), latencyMs: 0));

        var depeg = Assert.Single(outcome.RegimeChanges, c => c.To == Regime.Depeg);
        var day = DateTimeOffset.FromUnixTimeMilliseconds(depeg.TimeMs).UtcDateTime.Date;
        Assert.InRange(day, new DateTime(2023, 3, 10), new DateTime(2023, 3, 11));
        Assert.Contains(outcome.RiskEvents, e => e.TimeMs == depeg.TimeMs);
    }

    [Fact]
    public async Task Risk_should_reject_new_exposure_while_depegged_and_still_let_exits_pass()
    {
        if (SharedData.File(File) is not { } path)
        {
            output.WriteLine($"skipped: {File} not found under shared/data");
            return;
        }

        var halted = await BacktestRunner.RunAsync(Plan(path, "0.9500", "0.9990", new RiskLimits(), latencyMs: 0));
        var free = await BacktestRunner.RunAsync(Plan(path, "0.9500", "0.9990", RiskLimits.None, latencyMs: 0));

        var depeg = halted.RegimeChanges.First(c => c.To == Regime.Depeg).TimeMs;
        var recovered = halted.RegimeChanges.First(c => c.From == Regime.Depeg).TimeMs;
        Assert.NotEmpty(halted.Rejections);
        Assert.All(halted.Rejections, r => Assert.InRange(r.TimeMs, depeg, recovered));
        Assert.All(halted.Rejections, r => Assert.Equal(Side.Buy, r.Intent.Side));
        Assert.Contains(free.Fills, f => f.Side == Side.Buy && f.TimeMs >= depeg && f.TimeMs < recovered);
    }

    [Fact]
    public async Task Latency_should_fill_at_the_close_of_the_first_bar_at_or_after_decision_plus_latency()
    {
        if (SharedData.File(File) is not { } path)
        {
            output.WriteLine($"skipped: {File} not found under shared/data");
            return;
        }

        var store = new ActorArb.Actors.Persistence.InMemoryEventStore(new ActorArb.Domain.Time.ManualClock());
        var outcome = await BacktestRunner.RunAsync(Plan(path, "0.9990", "1.0001", RiskLimits.None, latencyMs: 90_000, fillGaps: true), store);

        var intents = new List<ActorArb.Domain.Events.OrderApproved>();
        await foreach (var e in store.ReadStreamAsync("test/risk"))
        {
            if (e.Payload is ActorArb.Domain.Events.OrderApproved approved)
            {
                intents.Add(approved);
            }
        }

        Assert.NotEmpty(outcome.Fills);
        Assert.Equal(intents.Count, outcome.Fills.Count + (outcome.Fills.Count < intents.Count ? 1 : 0));
        foreach (var fill in outcome.Fills)
        {
            var decision = intents.Single(i => i.OrderId == fill.OrderId).TimeMs;
            // Gaps are filled with flat 1m bars, so the first close at or after decision + 90 s is 2 minutes on.
            Assert.Equal(decision + 120_000, fill.TimeMs);
        }
    }

    internal static BacktestPlan Plan(string path, string buy, string sell, RiskLimits risk, long latencyMs, bool fillGaps = false, double feeBps = FeeBps, double slipBps = SlipBps, double cash = Cash)
    {
        var instrument = new Instrument(new InstrumentId("kraken", "USDC/USD"), Price.Parse("0.0001"), Price.Parse("1"));
        return new BacktestPlan(
            "test",
            instrument,
            () => new CsvCandleSource(path, instrument, Timeframe.OneMinute, new CsvSourceOptions(BadRowPolicy.Stop)),
            Timeframe.OneMinute,
            new CandleAggregatorOptions([Timeframe.Parse("1h"), Timeframe.Parse("1d")], EmitFlatCandles: fillGaps, TickSize: instrument.TickSize),
            new RegimeOptions(),
            Timeframe.OneMinute,
            () => new PegThresholdStrategy("peg", Timeframe.OneMinute, new PegThresholdOptions(Price.Parse(buy), Price.Parse(sell))),
            Timeframe.OneMinute,
            risk,
            new FillModel(feeBps, 5, slipBps, LatencyMs: latencyMs),
            cash);
    }

    /// <summary>
    /// The reference: read the CSV, and per row (one bar) buy everything when flat and close &lt;= b, sell
    /// everything when long and close &gt;= s, at that bar's close; equity per bar; drawdown from the running peak.
    /// </summary>
    private static NaiveResult NaiveLoop(string path, decimal buy, decimal sell)
    {
        var fee = FeeBps / 10000.0;
        var slip = SlipBps / 10000.0;
        var cash = Cash;
        var units = 0.0;
        var peak = double.NegativeInfinity;
        var maxDrawdown = 0.0;
        var equity = Cash;
        var points = 0;
        var entries = new List<(long, double)>();
        var exits = new List<long>();
        foreach (var line in System.IO.File.ReadLines(path).Skip(1))
        {
            var fields = line.Split(',');
            var openTime = long.Parse(fields[0], CultureInfo.InvariantCulture);
            var closeText = fields[4];
            var close = decimal.Parse(closeText, CultureInfo.InvariantCulture);
            var price = double.Parse(closeText, CultureInfo.InvariantCulture);
            var closeTime = openTime + 60_000;
            if (units == 0 && close <= buy)
            {
                units = cash * (1 - fee) / (price * (1 + slip));
                cash = 0;
                entries.Add((closeTime, units));
            }
            else if (units > 0 && close >= sell)
            {
                cash = units * price * (1 - slip) * (1 - fee);
                units = 0;
                exits.Add(closeTime);
            }

            equity = units > 0 ? units * price : cash;
            peak = Math.Max(peak, equity);
            maxDrawdown = Math.Max(maxDrawdown, (peak - equity) / peak);
            points++;
        }

        return new NaiveResult(equity, maxDrawdown, entries, exits, points);
    }

    private sealed record NaiveResult(double FinalEquity, double MaxDrawdown, List<(long, double)> Entries, List<long> Exits, int EquityPoints);
}
