using ActorArb.Actors.Replay.Sources;
using ActorArb.Domain.Market;
using ActorArb.Domain.Market.Aggregation;
using ActorArb.Domain.Regimes;
using ActorArb.Domain.Simulation;

namespace ActorArb.Actors.Optimization.General;

/// <summary>Reads a historical source once through the candle aggregator and the regime detector into a <see cref="MarketTape"/>.</summary>
public static class TapeRecorder
{
    /// <summary>
    /// Reads all of <paramref name="source"/> (which it disposes) the way a backtest's source and aggregator actors do:
    /// bars of a source timeframe other than 1m pass through as they are.
    /// </summary>
    public static MarketTape Record(HistoricalSource source, Timeframe sourceTimeframe, CandleAggregatorOptions candles, RegimeOptions regime, Timeframe regimeTimeframe)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(candles);
        using (source)
        {
            var aggregator = new CandleAggregator(source.Instrument.Id, candles);
            var closed = new List<Candle>();
            if (source.Kind == SourceKind.Ticks)
            {
                var ticks = new List<TradeTick>(8192);
                while (source.ReadTicks(ticks, 8192) > 0)
                {
                    foreach (var tick in ticks)
                    {
                        aggregator.OnTick(in tick, closed);
                    }

                    ticks.Clear();
                }
            }
            else
            {
                var bars = new List<Candle>(8192);
                while (source.ReadCandles(bars, 8192) > 0)
                {
                    if (sourceTimeframe != Timeframe.OneMinute)
                    {
                        closed.AddRange(bars);
                    }
                    else
                    {
                        foreach (var bar in bars)
                        {
                            aggregator.OnCandle(in bar, closed);
                        }
                    }

                    bars.Clear();
                }
            }

            aggregator.Flush(closed);
            return MarketTape.Record(closed, source.Instrument, regime, regimeTimeframe);
        }
    }
}
