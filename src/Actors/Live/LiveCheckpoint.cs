using ActorArb.Domain.Events;
using ActorArb.Domain.Market;
using ActorArb.Domain.Market.Aggregation;

namespace ActorArb.Actors.Live;

/// <summary>
/// One instrument's candle aggregator as it stood when a live run checkpointed (periodically and on shutdown), so that
/// the bars still open then (the minute in progress, the hour, the day...) are completed after a restart. The chain's
/// stages after it (strategy, risk, execution, portfolio) need no checkpoint: they recover from their own streams.
/// </summary>
/// <remarks>
/// Checkpoints written by earlier releases also carried the stages' states; those are ignored when read, and the stages'
/// streams of such a run, which hold no state records, refuse to recover (start a new run id).
/// </remarks>
/// <param name="TimeMs">The wall-clock time of the checkpoint.</param>
/// <param name="Instrument">The instrument of the chain.</param>
/// <param name="Candles">The candle aggregator's state; null in checkpoints written before it was carried.</param>
public sealed record LiveCheckpoint(long TimeMs, InstrumentId Instrument, CandleAggregatorState? Candles) : IDomainEvent
{
    /// <summary>Returns the stream a run's checkpoints of <paramref name="instrument"/> go to.</summary>
    public static string StreamOf(string runId, InstrumentId instrument) => $"{runId}/checkpoints/{instrument}";
}
