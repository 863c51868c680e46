using System.Collections.Immutable;
using ActorArb.Domain.Events;
using ActorArb.Domain.Execution;
using ActorArb.Domain.Market;

namespace ActorArb.Actors.Execution;

/// <summary>Messages of the <see cref="ExecutionActor"/>.</summary>
public static class ExecutionProtocol
{
    /// <summary>
    /// What execution did since its last report: the fills, in order, and how many orders still work. Sent to the
    /// portfolio after every submitted order and after every batch of prices that filled something.
    /// </summary>
    public sealed record ExecutionReport(long TimeMs, ImmutableArray<OrderFilled> Fills, int WorkingOrders);

    /// <summary>The actor's state at a checkpoint: the last base candle seen and the orders still working.</summary>
    public sealed record State(Candle? Last, PaperExecutionState Engine);
}

/// <summary>The working orders and last bar an <see cref="ExecutionActor"/> command left, stored after that command's fills.</summary>
public sealed record ExecutionRecorded(ExecutionProtocol.State State);
