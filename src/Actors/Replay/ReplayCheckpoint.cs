using System.Collections.Immutable;
using ActorArb.Actors.Execution;
using ActorArb.Actors.Persistence;
using ActorArb.Actors.Portfolio;
using ActorArb.Actors.Risk;
using ActorArb.Actors.Strategies;
using ActorArb.Domain.Events;

namespace ActorArb.Actors.Replay;

/// <summary>
/// One consistent cut of a resumable replay, taken while the chain was idle after <see cref="Batches"/> source
/// batches and appended as one event to the run's checkpoint stream (so it is stored whole or not at all). The
/// stages after the regime detector are restored from it; the stages before it re-read the source from the start
/// (they are a pure pipeline), and <see cref="GateCount"/> messages of theirs are dropped on the way in. Lists
/// that only grow (equity points, fills, regime changes, rejections, halts) carry what was added since the
/// previous checkpoint, so checkpoints stay small however long the run.
/// </summary>
/// <param name="TimeMs">Market time of the last source row read.</param>
/// <param name="Number">The checkpoint's number, from 1; also its version in the checkpoint stream.</param>
/// <param name="Batches">Source batches read before the cut.</param>
/// <param name="GateCount">Messages the regime detector had sent the strategy before the cut.</param>
/// <param name="ChainMessages">Messages the chain had handled before the cut, checkpoint work excluded.</param>
/// <param name="Streams">The last sequence of every stream the journal had written (the checkpoint stream excluded).</param>
/// <param name="Strategy">The strategy stage's state.</param>
/// <param name="Risk">The risk stage's state.</param>
/// <param name="Execution">The execution stage's state.</param>
/// <param name="Portfolio">The portfolio stage's state, with the equity points and fills added since the previous checkpoint.</param>
/// <param name="RegimeChanges">Regime changes seen since the previous checkpoint.</param>
/// <param name="Rejections">Rejections seen since the previous checkpoint.</param>
/// <param name="Halts">Halts and resumptions seen since the previous checkpoint, in order.</param>
public sealed record ReplayCheckpoint(
    long TimeMs,
    int Number,
    long Batches,
    long GateCount,
    long ChainMessages,
    ImmutableArray<JournalProtocol.StreamSequence> Streams,
    StrategyProtocol.State Strategy,
    RiskProtocol.State Risk,
    ExecutionProtocol.State Execution,
    PortfolioProtocol.State Portfolio,
    ImmutableArray<RegimeChanged> RegimeChanges,
    ImmutableArray<OrderRejected> Rejections,
    ImmutableArray<ReplayCheckpoint.Halt> Halts) : IDomainEvent
{
    /// <summary>A <see cref="TradingHalted"/> (<paramref name="Halted"/> true) or <see cref="TradingResumed"/>, stored without polymorphism.</summary>
    public sealed record Halt(long TimeMs, string Reason, bool Halted)
    {
        /// <summary>Returns the record of a halt or resumption event.</summary>
        /// <exception cref="ArgumentException">The event is neither.</exception>
        public static Halt Of(IDomainEvent e) => e switch
        {
            TradingHalted h => new Halt(h.TimeMs, h.Reason, true),
            TradingResumed r => new Halt(r.TimeMs, r.Reason, false),
            _ => throw new ArgumentException($"not a halt or resumption: {e.GetType().Name}", nameof(e)),
        };

        /// <summary>Returns the event this records.</summary>
        public IDomainEvent ToEvent() => Halted ? new TradingHalted(TimeMs, Reason) : new TradingResumed(TimeMs, Reason);
    }
}
