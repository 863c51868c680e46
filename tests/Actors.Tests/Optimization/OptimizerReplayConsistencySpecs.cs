using System.Globalization;
using ActorArb.Actors.Replay;
using ActorArb.Actors.Tests.Replay;
using ActorArb.Domain.Optimization;
using ActorArb.Domain.Risk;
using Xunit.Abstractions;

namespace ActorArb.Actors.Tests.Optimization;

/// <summary>
/// The optimizer's best combination, re-run through the event-driven replay (the whole actor graph, the domain's
/// peg-threshold strategy, paper execution and portfolio) on the real Kraken USDC 1m data of the March 2023 de-peg,
/// must end with the same final equity (to the bit) and the same number of trades. The search asks for at least two
/// round trips, so the comparison covers re-entries.
/// </summary>
public sealed class OptimizerReplayConsistencySpecs(ITestOutputHelper output)
{
    private const string File = "candles/kraken/USDCUSD-1m-20230301-20230321.csv";

    [Theory]
    [InlineData(10, 0)]
    [InlineData(10, 2)]
    public async Task Best_combination_should_replay_to_the_same_equity_and_trades(double feeBps, double slipBps)
    {
        if (SharedData.File(File) is not { } path)
        {
            output.WriteLine($"skipped: {File} not found under shared/data");
            return;
        }

        var closes = System.IO.File.ReadLines(path).Skip(1).Select(l => double.Parse(l.Split(',')[4], CultureInfo.InvariantCulture)).ToList();
        var series = new TickSeries(closes, 4);
        var kernel = new ExactThresholdKernel(series);
        var costs = new ThresholdCosts(feeBps / 10_000.0, slipBps / 10_000.0);
        var best = ThresholdSearch.Best(kernel, Enumerable.Range(9_900, 100).ToArray(), Enumerable.Range(9_950, 100).ToArray(), costs, minTrades: 2);
        Assert.True(best.Found);

        var buy = series.PriceOf(best.BuyTick).ToString("0.0000", CultureInfo.InvariantCulture);
        var sell = series.PriceOf(best.SellTick).ToString("0.0000", CultureInfo.InvariantCulture);
        var outcome = await BacktestRunner.RunAsync(KrakenDepegReplaySpecs.Plan(path, buy, sell, RiskLimits.None, latencyMs: 0, feeBps: feeBps, slipBps: slipBps, cash: 1.0));

        output.WriteLine($"best b={buy} s={sell}: optimizer {best.Run.FinalEquity:R} / {best.Run.Trades} trades; replay {outcome.Metrics.FinalEquity:R} / {outcome.Metrics.TradeCount}");
        Assert.True(best.Run.Trades >= 2, "the constraint asks for at least two round trips");
        Assert.Equal(best.Run.FinalEquity, outcome.Metrics.FinalEquity);
        Assert.Equal(best.Run.Trades, outcome.Metrics.TradeCount);
    }
}
