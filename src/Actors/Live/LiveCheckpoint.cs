using ActorArb.Actors.Execution;
using ActorArb.Actors.Portfolio;
using ActorArb.Actors.Risk;
using ActorArb.Actors.Strategies;
using ActorArb.Domain.Events;
using ActorArb.Domain.Market;

namespace ActorArb.Actors.Live;

/// <summary>
/// One instrument's trading chain as it stood when a live run checkpointed (periodically and on shutdown): strategy,
/// risk, execution and the portfolio's ledger. A restarted run resumes each chain from its latest checkpoint.
/// </summary>
/// <param name="TimeMs">The wall-clock time of the checkpoint.</param>
/// <param name="Instrument">The instrument of the chain.</param>
/// <param name="Strategy">The strategy actor's state.</param>
/// <param name="Risk">The risk manager actor's state.</param>
/// <param name="Execution">The paper execution's state.</param>
/// <param name="Portfolio">The portfolio's ledger and pending bar (the equity curve before it stays in the event store).</param>
public sealed record LiveCheckpoint(
    long TimeMs,
    InstrumentId Instrument,
    StrategyProtocol.State Strategy,
    RiskProtocol.State Risk,
    ExecutionProtocol.State Execution,
    PortfolioProtocol.State Portfolio) : IDomainEvent
{
    /// <summary>Returns the stream a run's checkpoints of <paramref name="instrument"/> go to.</summary>
    public static string StreamOf(string runId, InstrumentId instrument) => $"{runId}/checkpoints/{instrument}";
}
