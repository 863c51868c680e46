using ActorArb.Actors.Replay;
using ActorArb.Actors.Replay.Sources;
using ActorArb.Domain.Events;
using ActorArb.Domain.Execution;
using ActorArb.Domain.Market;
using ActorArb.Domain.Market.Aggregation;
using ActorArb.Domain.Portfolio;
using ActorArb.Domain.Regimes;
using ActorArb.Domain.Risk;
using ActorArb.Domain.Strategies;

namespace ActorArb.Host.Bench;

/// <summary>
/// The benchmark's baseline: the same source and domain objects as the actor graph, called in one plain loop
/// with no actors, messages or event store. The ratio of the two shows what the actor graph costs.
/// </summary>
internal static class PlainLoopReplay
{
    public static (long Rows, double FinalEquity) Run(BacktestPlan plan)
    {
        using var source = plan.OpenSource();
        var id = plan.Instrument.Id;
        var aggregator = new CandleAggregator(id, plan.Candles);
        var regime = new RegimeDetector(plan.Instrument, plan.Regime);
        var strategy = plan.CreateStrategy();
        var risk = new RiskManager(plan.Risk);
        var execution = new PaperExecution(id, plan.Fills);
        var ledger = new PortfolioLedger(plan.InitialCash);
        var closed = new List<Candle>(1024);
        var ticks = new List<TradeTick>(plan.BatchSize);
        var candles = new List<Candle>(plan.BatchSize);
        var intents = new List<OrderIntent>(2);
        var fills = new List<OrderFilled>(2);
        var events = new List<IDomainEvent>();
        var current = plan.Instrument.IsPegged ? Regime.PegStable : Regime.Normal;
        var more = true;
        while (more)
        {
            closed.Clear();
            if (source.Kind == SourceKind.Ticks)
            {
                ticks.Clear();
                if (source.ReadTicks(ticks, plan.BatchSize) == 0)
                {
                    aggregator.Flush(closed);
                    more = false;
                }

                foreach (var t in ticks)
                {
                    aggregator.OnTick(in t, closed);
                }
            }
            else
            {
                candles.Clear();
                if (source.ReadCandles(candles, plan.BatchSize) == 0)
                {
                    aggregator.Flush(closed);
                    more = false;
                }

                foreach (var c in candles)
                {
                    aggregator.OnCandle(in c, closed);
                }
            }

            foreach (var c in closed)
            {
                if (c.Timeframe == plan.RegimeTimeframe && regime.OnCandle(in c) is { } change)
                {
                    current = change.To;
                    strategy.OnRegime(current);
                    risk.OnRegime(change.TimeMs, current, events);
                }

                var position = ledger.PositionOf(id);
                var equity = ledger.Cash + position * c.Close.ToDouble();
                if (c.Timeframe == plan.BaseTimeframe)
                {
                    ledger.Mark(id, c.Close);
                    risk.OnEquity(c.CloseTimeMs, equity, events);
                    execution.OnPrice(c.CloseTimeMs, c.Close, c.Volume, fills);
                }

                if (c.Timeframe == plan.StrategyTimeframe && execution.WorkingCount == 0)
                {
                    strategy.OnCandle(in c, new StrategyContext(c.CloseTimeMs, ledger.Cash, position, equity), intents);
                    foreach (var intent in intents)
                    {
                        var decision = risk.Evaluate(intent, new RiskSnapshot(ledger.Cash, position, equity, c.Close, current));
                        if (decision.IsApproved)
                        {
                            execution.Submit(decision.Approved, intent.TimeMs);
                            execution.OnPrice(c.CloseTimeMs, c.Close, c.Volume, fills);
                        }
                    }

                    intents.Clear();
                }

                foreach (var f in fills)
                {
                    ledger.Apply(f);
                }

                fills.Clear();
                events.Clear();
            }
        }

        return (source.Position, ledger.Equity);
    }
}
