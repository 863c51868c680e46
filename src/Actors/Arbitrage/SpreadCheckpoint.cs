using ActorArb.Domain.Arbitrage;
using ActorArb.Domain.Events;
using ActorArb.Domain.Market.Aggregation;

namespace ActorArb.Actors.Arbitrage;

/// <summary>
/// A live spread arbitrage as it stood when the run checkpointed (periodically and on shutdown): accounts, quotes,
/// pending bar and counters, and each leg's candle aggregator. A restarted run with the same id resumes the engine and
/// the aggregators from its latest checkpoint (best-effort for a periodic checkpoint taken while trades flow; exact for
/// the one taken on shutdown, after the feeds have stopped).
/// </summary>
/// <param name="TimeMs">The wall-clock time of the checkpoint.</param>
/// <param name="StrategyId">The spread's id.</param>
/// <param name="Engine">The engine's state.</param>
/// <param name="Candles">
/// The legs' candle aggregators, one state per leg (each names its instrument), so that the bars still open at the
/// checkpoint are completed after a restart; null in checkpoints written before they were carried.
/// </param>
public sealed record SpreadCheckpoint(long TimeMs, string StrategyId, SpreadState Engine, IReadOnlyList<CandleAggregatorState>? Candles = null) : IDomainEvent
{
    /// <summary>Returns the stream a run's checkpoints of the spread <paramref name="strategyId"/> go to.</summary>
    public static string StreamOf(string runId, string strategyId) => $"{runId}/checkpoints/spread/{strategyId}";
}
