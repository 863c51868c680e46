using System.Text.Json;
using ActorArb.Actors.Optimization.General;
using ActorArb.Actors.Replay;
using ActorArb.Actors.Replay.Sources;
using ActorArb.Actors.Tests.Replay;
using ActorArb.Domain.Execution;
using ActorArb.Domain.Market;
using ActorArb.Domain.Market.Aggregation;
using ActorArb.Domain.Market.Synthetic;
using ActorArb.Domain.Regimes;
using ActorArb.Domain.Risk;
using ActorArb.Domain.Simulation;
using ActorArb.Domain.Strategies;
using Xunit.Abstractions;

namespace ActorArb.Actors.Tests.Optimization.General;

/// <summary>
/// The general mode's promise: a combination played over the market tape by <see cref="StrategySimulation"/> makes the
/// same equity curve, trades and metrics as the whole actor graph replaying the same plan — on synthetic de-pegs and on
/// the real Kraken USDC data, with several strategies, timeframes and risk limits, for orders that fill on their
/// decision bar.
/// </summary>
public sealed class StrategySimulationSpecs(ITestOutputHelper output)
{
    private const string KrakenFile = "candles/kraken/USDCUSD-1m-20230301-20230321.csv";
    private static readonly Instrument Usdc = new(new InstrumentId("synthetic", "USDC/USD"), Price.Parse("0.0001"), Price.Parse("1"));

    public static TheoryData<string> SyntheticCases => ["peg-1m", "peg-1h", "swing-1m", "swing-4h-drawdown", "peg-1m-daily-loss"];

    [Theory]
    [MemberData(nameof(SyntheticCases))]
    public async Task Simulation_should_equal_the_actor_graph_on_a_synthetic_depeg(string name)
    {
        var plan = SyntheticPlan(name);
        var outcome = await BacktestRunner.RunAsync(plan);
        var result = Simulate(plan);

        AssertSame(outcome, result);
        output.WriteLine($"{name}: {result.Trades.Count} trades, final equity {result.Metrics.FinalEquity:R}");
    }

    [Theory]
    [InlineData("0.9980", "1.0000", "1m", false)]
    [InlineData("0.9900", "1.0000", "1h", true)]
    public async Task Simulation_should_equal_the_actor_graph_on_the_Kraken_depeg(string buy, string sell, string timeframe, bool rejects)
    {
        if (SharedData.File(KrakenFile) is not { } path)
        {
            output.WriteLine($"skipped: {KrakenFile} not found under shared/data");
            return;
        }

        var tf = Timeframe.Parse(timeframe);
        var plan = KrakenDepegReplaySpecs.Plan(path, buy, sell, new RiskLimits(), 0) with
        {
            CreateStrategy = () => new PegThresholdStrategy("peg", tf, new PegThresholdOptions(Price.Parse(buy), Price.Parse(sell))),
            StrategyTimeframe = tf,
        };
        var outcome = await BacktestRunner.RunAsync(plan);
        var result = Simulate(plan);

        AssertSame(outcome, result);
        Assert.True(result.Trades.Count > 0, "the de-peg must trade");
        Assert.Equal(rejects, outcome.Rejections.Count > 0);
    }

    [Fact]
    public void Simulation_should_refuse_candles_after_it_finished()
    {
        var simulation = new StrategySimulation(
            new SimulationSetup(Usdc, Timeframe.OneMinute, RiskLimits.None, new FillModel(10, 5, 0), 100),
            new PegThresholdStrategy("peg", Timeframe.OneMinute, new PegThresholdOptions(Price.Parse("0.99"), Price.Parse("1.01"))));
        simulation.Finish();
        var candle = new Candle(Usdc.Id, Timeframe.OneMinute, 0, Price.Parse("1"), Price.Parse("1"), Price.Parse("1"), Price.Parse("1"), 1, 1, CandleFlags.None);

        Assert.Throws<InvalidOperationException>(() => simulation.OnCandle(in candle));
    }

    private static SimulationResult Simulate(BacktestPlan plan)
    {
        var tape = TapeRecorder.Record(plan.OpenSource(), plan.BaseTimeframe, plan.Candles, plan.Regime, plan.RegimeTimeframe);
        return tape.Play(new StrategySimulation(new SimulationSetup(plan.Instrument, plan.BaseTimeframe, plan.Risk, plan.Fills, plan.InitialCash), plan.CreateStrategy()));
    }

    private static void AssertSame(BacktestOutcome outcome, SimulationResult result)
    {
        Assert.Equal(outcome.Equity, result.Equity);
        Assert.Equal(outcome.Trades, result.Trades);
        Assert.Equal(outcome.Fills.Count, result.Fills);
        Assert.Equal(outcome.Rejections.Count, result.Rejections);
        Assert.Equal(JsonSerializer.Serialize(outcome.Metrics), JsonSerializer.Serialize(result.Metrics));
    }

    private static BacktestPlan SyntheticPlan(string name)
    {
        var swing = name.StartsWith("swing", StringComparison.Ordinal);
        var timeframe = Timeframe.Parse(name.Split('-')[1]);
        var risk = name.EndsWith("drawdown", StringComparison.Ordinal) ? new RiskLimits(MaxDrawdown: 0.01)
            : name.EndsWith("daily-loss", StringComparison.Ordinal) ? new RiskLimits(DailyLossLimit: 0.002)
            : RiskLimits.None;
        return new BacktestPlan(
            name,
            Usdc,
            () => new SyntheticCandleSource(Usdc, new SyntheticPegOptions(Bars: 20 * 1440)),
            Timeframe.OneMinute,
            new CandleAggregatorOptions([Timeframe.Parse("1h"), Timeframe.Parse("4h"), Timeframe.Parse("1d")], EmitFlatCandles: true, TickSize: Usdc.TickSize),
            new RegimeOptions(),
            Timeframe.OneMinute,
            swing
                ? () => new SwingStrategy("swing", timeframe, new SwingOptions(0.15))
                : () => new PegThresholdStrategy("peg", timeframe, new PegThresholdOptions(Price.Parse("0.9980"), Price.Parse("1.0010"))),
            timeframe,
            risk,
            new FillModel(10, 5, 2),
            10_000,
            BatchSize: 1000);
    }
}
