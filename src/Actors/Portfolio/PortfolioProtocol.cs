using System.Collections.Immutable;
using ActorArb.Actors.Runtime;
using ActorArb.Domain.Events;
using ActorArb.Domain.Market;
using ActorArb.Domain.Portfolio;

namespace ActorArb.Actors.Portfolio;

/// <summary>Messages of the <see cref="PortfolioActor"/>.</summary>
public static class PortfolioProtocol
{
    /// <summary>Names the actors that get a <see cref="Snapshot"/> after every execution report.</summary>
    public sealed record RegisterFeedback(IActorRef Strategy, IActorRef Risk);

    /// <summary>
    /// The book after an execution report: cash, the instrument's position and how many orders still work.
    /// The strategy waits for it after an approved intent; the risk manager values the book with it.
    /// </summary>
    public sealed record Snapshot(long TimeMs, double Cash, double Position, int WorkingOrders);

    /// <summary>
    /// The end of the data reached the portfolio: the full equity curve, the strategy bars each point was
    /// valued at (same length and order), trades and fills.
    /// </summary>
    public sealed record Completed(ImmutableArray<EquityPoint> Equity, ImmutableArray<Candle> Marks, IReadOnlyList<Trade> Trades, ImmutableArray<OrderFilled> Fills, double Cash, double Position);

    /// <summary>
    /// The actor's state at a checkpoint. The ledger and the pending strategy bar are whole; the equity points (with
    /// the bars they were valued at) and the fills are those from index <paramref name="EquityFrom"/> and
    /// <paramref name="FillsFrom"/> on, so successive checkpoints carry only what was added since the previous one.
    /// A portfolio is restored from a state whose offsets are 0.
    /// </summary>
    public sealed record State(
        PortfolioLedgerState Ledger,
        Candle? Pending,
        int EquityFrom,
        ImmutableArray<EquityPoint> Equity,
        ImmutableArray<Candle> Marks,
        int FillsFrom,
        ImmutableArray<OrderFilled> Fills);
}

/// <summary>
/// The ledger and pending strategy bar a <see cref="PortfolioActor"/> command left, stored after that command's
/// valuations. The ledger's closed trades are those from index <paramref name="ClosedFrom"/> on, so records carry the
/// trades closed since the previous record (a snapshot carries them all, from 0).
/// </summary>
public sealed record PortfolioRecorded(PortfolioLedgerState Ledger, int ClosedFrom, Candle? Pending);
