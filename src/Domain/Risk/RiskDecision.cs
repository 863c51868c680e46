using System.Diagnostics.CodeAnalysis;
using ActorArb.Domain.Events;

namespace ActorArb.Domain.Risk;

/// <summary>The outcome of a pre-trade check: exactly one of <see cref="Approved"/> and <see cref="Rejected"/>.</summary>
public sealed class RiskDecision
{
    private RiskDecision(OrderApproved? approved, OrderRejected? rejected)
    {
        Approved = approved;
        Rejected = rejected;
    }

    /// <summary>Returns the approval, when the intent passed.</summary>
    public OrderApproved? Approved { get; }

    /// <summary>Returns the rejection, when the intent failed a check.</summary>
    public OrderRejected? Rejected { get; }

    /// <summary>Returns true when the intent passed.</summary>
    [MemberNotNullWhen(true, nameof(Approved))]
    [MemberNotNullWhen(false, nameof(Rejected))]
    public bool IsApproved => Approved is not null;

    /// <summary>Returns the decision as the event to persist.</summary>
    public IDomainEvent Event => IsApproved ? Approved : Rejected;

    internal static RiskDecision Approve(OrderApproved approved) => new(approved, null);

    internal static RiskDecision Reject(OrderRejected rejected) => new(null, rejected);
}
