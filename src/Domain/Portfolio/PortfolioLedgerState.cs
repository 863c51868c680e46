using System.Collections.Immutable;
using ActorArb.Domain.Market;

namespace ActorArb.Domain.Portfolio;

/// <summary>
/// Everything a <see cref="PortfolioLedger"/> holds, as an immutable value: what a checkpoint stores so that a
/// restarted process continues with the same cash, positions, trade accumulators and closed trades.
/// </summary>
/// <param name="InitialCash">The cash the ledger started with.</param>
/// <param name="Cash">The cash in quote currency.</param>
/// <param name="RealisedPnl">The realised profit and loss.</param>
/// <param name="FeesPaid">Every fee paid.</param>
/// <param name="Positions">Every instrument traded or marked, in the order first seen.</param>
/// <param name="Closed">The closed round trips, oldest first.</param>
public sealed record PortfolioLedgerState(
    double InitialCash,
    double Cash,
    double RealisedPnl,
    double FeesPaid,
    ImmutableArray<PositionState> Positions,
    ImmutableArray<Trade> Closed);

/// <summary>One instrument's position and the accumulators of the trade in progress, as the ledger keeps them.</summary>
public sealed record PositionState(
    InstrumentId Instrument,
    double Units,
    double CostBasis,
    Price Mark,
    long EntryTimeMs,
    double BoughtUnits,
    double BoughtValue,
    double EntryCost,
    double SoldUnits,
    double SoldValue,
    double Proceeds,
    double Fees);
