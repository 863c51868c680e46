using System.Collections.Immutable;
using ActorArb.Domain.Events;

namespace ActorArb.Domain.Execution;

/// <summary>The orders a <see cref="PaperExecution"/> still works, in submission order.</summary>
public sealed record PaperExecutionState(ImmutableArray<WorkingOrderState> Working);

/// <summary>One working order: the approval, when it is due, and the budget (buys) or units (sells) still to fill.</summary>
public sealed record WorkingOrderState(OrderApproved Approved, long DueMs, double Remaining);
