using ActorArb.Actors.Execution;
using ActorArb.Actors.Portfolio;
using ActorArb.Actors.Risk;
using ActorArb.Actors.Strategies;
using ActorArb.Domain.Events;
using ActorArb.Domain.Market;
using ActorArb.Domain.Market.Aggregation;

namespace ActorArb.Actors.Live;

/// <summary>
/// One instrument's trading chain as it stood when a live run checkpointed (periodically and on shutdown): candle
/// aggregator, strategy, risk, execution and the portfolio's ledger. A restarted run resumes each chain from its latest
/// checkpoint.
/// </summary>
/// <remarks>
/// The checkpoint taken on shutdown, after the feeds have stopped, is a consistent cut of the chain. A periodic one is
/// taken while trades flow, so a candle the aggregator closed just before it may not have reached the strategy yet
/// (or the other way round); a restart from it is best-effort around that instant.
/// </remarks>
/// <param name="TimeMs">The wall-clock time of the checkpoint.</param>
/// <param name="Instrument">The instrument of the chain.</param>
/// <param name="Strategy">The strategy actor's state.</param>
/// <param name="Risk">The risk manager actor's state.</param>
/// <param name="Execution">The paper execution's state.</param>
/// <param name="Portfolio">The portfolio's ledger and pending bar (the equity curve before it stays in the event store).</param>
/// <param name="Candles">
/// The candle aggregator's state, so that the bars still open at the checkpoint (the minute in progress, the hour, the
/// day...) are completed after a restart; null in checkpoints written before it was carried.
/// </param>
public sealed record LiveCheckpoint(
    long TimeMs,
    InstrumentId Instrument,
    StrategyProtocol.State Strategy,
    RiskProtocol.State Risk,
    ExecutionProtocol.State Execution,
    PortfolioProtocol.State Portfolio,
    CandleAggregatorState? Candles = null) : IDomainEvent
{
    /// <summary>Returns the stream a run's checkpoints of <paramref name="instrument"/> go to.</summary>
    public static string StreamOf(string runId, InstrumentId instrument) => $"{runId}/checkpoints/{instrument}";
}
