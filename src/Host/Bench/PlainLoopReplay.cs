using ActorArb.Actors.Replay;
using ActorArb.Actors.Replay.Sources;
using ActorArb.Domain.Market;
using ActorArb.Domain.Market.Aggregation;
using ActorArb.Domain.Regimes;
using ActorArb.Domain.Simulation;

namespace ActorArb.Host.Bench;

/// <summary>
/// The benchmark's baseline: the same source and domain objects as the actor graph, called in one plain loop
/// (the aggregator, the regime detector and a <see cref="StrategySimulation"/>) with no actors, messages or event
/// store. The ratio of the two shows what the actor graph costs.
/// </summary>
internal static class PlainLoopReplay
{
    public static (long Rows, double FinalEquity) Run(BacktestPlan plan)
    {
        using var source = plan.OpenSource();
        var aggregator = new CandleAggregator(plan.Instrument.Id, plan.Candles);
        var regime = new RegimeDetector(plan.Instrument, plan.Regime);
        var simulation = new StrategySimulation(new SimulationSetup(plan.Instrument, plan.BaseTimeframe, plan.Risk, plan.Fills, plan.InitialCash), plan.CreateStrategy());
        var closed = new List<Candle>(1024);
        var ticks = new List<TradeTick>(plan.BatchSize);
        var candles = new List<Candle>(plan.BatchSize);
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
                simulation.OnCandle(in c);
                if (c.Timeframe == plan.RegimeTimeframe && regime.OnCandle(in c) is { } change)
                {
                    simulation.OnRegimeChanged(change);
                }
            }
        }

        return (source.Position, simulation.Finish().Metrics.FinalEquity);
    }
}
