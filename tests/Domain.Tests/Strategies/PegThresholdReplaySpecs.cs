using ActorArb.Domain.Events;
using ActorArb.Domain.Execution;
using ActorArb.Domain.Market;
using ActorArb.Domain.Metrics;
using ActorArb.Domain.Portfolio;
using ActorArb.Domain.Regimes;
using ActorArb.Domain.Risk;
using ActorArb.Domain.Strategies;
using static ActorArb.Domain.Tests.Strategies.TradingTestData;

namespace ActorArb.Domain.Tests.Strategies;

/// <summary>
/// The event-driven pieces (strategy, risk without limits, paper execution with zero latency, ledger, metrics)
/// must reproduce the plain threshold loop of the synthetic data's EXPECTED.md bit for bit, because the
/// optimizer's exact-grid mode implements that loop and its best result is re-run through the replay.
/// </summary>
public sealed class PegThresholdReplaySpecs
{
    private const int Bars = 20_000;
    private static readonly long[] Ticks = OrnsteinUhlenbeckTicks(seed: 42, Bars);

    private readonly record struct Outcome(double FinalEquity, int Trades, double MaxDrawdown);

    /// <summary>The reference: the rules of EXPECTED.md written as a plain loop over closes.</summary>
    private static Outcome NaiveLoop(long buyTicks, long sellTicks, double fee, double slip)
    {
        var cash = 1.0;
        var units = 0.0;
        var inMarket = false;
        var trades = 0;
        var peak = 0.0;
        var maxDrawdown = 0.0;
        var equity = cash;
        for (var i = 0; i < Ticks.Length; i++)
        {
            var close = Ticks[i] / 10_000.0;
            if (!inMarket && Ticks[i] <= buyTicks)
            {
                units = cash * (1 - fee) / (close * (1 + slip));
                cash = 0;
                inMarket = true;
                trades++;
            }
            else if (inMarket && Ticks[i] >= sellTicks)
            {
                cash = units * close * (1 - slip) * (1 - fee);
                units = 0;
                inMarket = false;
            }

            equity = inMarket ? units * close : cash;
            if (i == 0 || equity > peak)
            {
                peak = equity;
            }

            var drawdown = (peak - equity) / peak;
            if (drawdown > maxDrawdown)
            {
                maxDrawdown = drawdown;
            }
        }

        return new Outcome(equity, trades, maxDrawdown);
    }

    private static Outcome Replay(long buyTicks, long sellTicks, double feeBps, double slipBps)
    {
        var strategy = new PegThresholdStrategy("peg", Timeframe.OneMinute, new PegThresholdOptions(new Price(buyTicks * Tick.Raw), new Price(sellTicks * Tick.Raw)));
        var risk = new RiskManager(RiskLimits.None);
        var execution = new PaperExecution(Usdc, new FillModel(feeBps, 0, slipBps));
        var ledger = new PortfolioLedger(1.0);
        var curve = new List<EquityPoint>(Ticks.Length);
        var intents = new List<OrderIntent>();
        var fills = new List<OrderFilled>();
        var riskEvents = new List<IDomainEvent>();
        for (var i = 0; i < Ticks.Length; i++)
        {
            var candle = Bar(i * 60_000L, new Price(Ticks[i] * Tick.Raw));
            var now = candle.CloseTimeMs;
            var position = ledger.PositionOf(Usdc);
            intents.Clear();
            strategy.OnCandle(candle, new StrategyContext(now, ledger.Cash, position, ledger.Equity), intents);
            foreach (var intent in intents)
            {
                var decision = risk.Evaluate(intent, new RiskSnapshot(ledger.Cash, position, ledger.Equity, candle.Close, Regime.PegStable));
                Assert.True(decision.IsApproved, decision.Rejected?.Reason);
                execution.Submit(decision.Approved, now);
            }

            fills.Clear();
            execution.OnPrice(now, candle.Close, candle.Volume, fills);
            foreach (var fill in fills)
            {
                ledger.Apply(fill);
            }

            ledger.Mark(Usdc, candle.Close);
            risk.OnEquity(now, ledger.Equity, riskEvents);
            curve.Add(ledger.Point(now));
        }

        Assert.Empty(riskEvents);
        var report = PerformanceMetrics.Compute(curve, ledger.Trades(), ledger.InitialCash, Timeframe.OneMinute.Ms);
        Assert.Equal(ledger.EntryCount, report.TradeCount);
        return new Outcome(ledger.Equity, report.TradeCount, report.MaxDrawdown);
    }

    [Theory]
    [InlineData(9973, 10021, 10.0, 0.0, 0.001, 0.0)]
    [InlineData(9990, 10005, 10.0, 0.0, 0.001, 0.0)]
    [InlineData(9950, 10050, 26.0, 0.0, 0.0026, 0.0)]
    [InlineData(9985, 10012, 10.0, 5.0, 0.001, 0.0005)]
    [InlineData(9999, 10001, 0.0, 0.0, 0.0, 0.0)]
    public void Replay_should_equal_the_naive_threshold_loop_bit_for_bit(long buy, long sell, double feeBps, double slipBps, double fee, double slip)
    {
        var expected = NaiveLoop(buy, sell, fee, slip);

        var actual = Replay(buy, sell, feeBps, slipBps);

        Assert.True(expected.Trades >= 5, $"the series should make the thresholds trade, got {expected.Trades} trades");
        Assert.Equal(expected.Trades, actual.Trades);
        Exactly(expected.FinalEquity, actual.FinalEquity, "final equity");
        Exactly(expected.MaxDrawdown, actual.MaxDrawdown, "max drawdown");
    }
}
