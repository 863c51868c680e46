using System.Collections.Immutable;
using ActorArb.Domain.Market;
using ActorArb.Domain.Market.Aggregation;

namespace ActorArb.Actors.MarketData;

/// <summary>
/// Market data flowing down the trading chain. Hot paths pass batches: one message carries many ticks or
/// candles, in time order.
/// </summary>
public static class MarketDataProtocol
{
    /// <summary>Trades in time order, from a feed or a historical source.</summary>
    public sealed record TickBatch(ImmutableArray<TradeTick> Ticks);

    /// <summary>
    /// Closed candles in time order. From a historical candle source these are base-timeframe bars; downstream
    /// of the aggregator they are every closed candle of every timeframe (for one close time, the base first).
    /// </summary>
    public sealed record CandleBatch(ImmutableArray<Candle> Candles)
    {
        /// <summary>Returns the candles [<paramref name="from"/>, <paramref name="to"/>) as a batch; this batch when that is all of it.</summary>
        public CandleBatch Slice(int from, int to) =>
            from == 0 && to == Candles.Length ? this : new CandleBatch(ImmutableArray.Create(Candles, from, to - from));
    }

    /// <summary>The source has no more data; every stage finishes its work and passes it on.</summary>
    public sealed record EndOfData(long TimeMs);

    /// <summary>
    /// Event time has reached <paramref name="TimeMs"/> with no trade to show it (a quiet market, live): the aggregator
    /// closes every bar that ends at or before it, less the allowed lateness.
    /// </summary>
    public sealed record Watermark(long TimeMs);

    /// <summary>
    /// Asks a candle aggregator for its state (open minutes and roll-ups in progress included); it answers the sender
    /// with a <see cref="State"/>, consistent with every batch it received before this message.
    /// </summary>
    public sealed record GetState;

    /// <summary>A candle aggregator's answer to <see cref="GetState"/>.</summary>
    /// <param name="Aggregator">The exported aggregator, to be given back to the actor's props on a restart.</param>
    public sealed record State(CandleAggregatorState Aggregator);
}
