namespace ActorArb.Domain.Portfolio;

/// <summary>Exporting and restoring the ledger's state for checkpoints.</summary>
public sealed partial class PortfolioLedger
{
    /// <summary>Returns the ledger's state as an immutable value; <see cref="Restore"/> gives back an equal ledger.</summary>
    public PortfolioLedgerState Export() => Export(0);

    /// <summary>
    /// Returns the ledger's state with only the closed trades from index <paramref name="closedFrom"/> on, so that
    /// successive exports carry the trades closed since the previous one.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is negative or past the closed trades.</exception>
    public PortfolioLedgerState Export(int closedFrom)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(closedFrom);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(closedFrom, _closed.Count);
        return new(
            InitialCash,
            Cash,
            RealisedPnl,
            FeesPaid,
            [.. _positions.Select(p => new PositionState(p.Instrument, p.Units, p.CostBasis, p.Mark, p.EntryTimeMs, p.BoughtUnits, p.BoughtValue, p.EntryCost, p.SoldUnits, p.SoldValue, p.Proceeds, p.Fees))],
            [.. _closed.Skip(closedFrom)]);
    }

    /// <summary>Returns a ledger holding exactly <paramref name="state"/>: every later fill and mark gives the same figures as on the ledger it was exported from.</summary>
    public static PortfolioLedger Restore(PortfolioLedgerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var ledger = new PortfolioLedger(state.InitialCash)
        {
            Cash = state.Cash,
            RealisedPnl = state.RealisedPnl,
            FeesPaid = state.FeesPaid,
        };
        foreach (var s in state.Positions)
        {
            var position = ledger.PositionFor(s.Instrument);
            position.Units = s.Units;
            position.CostBasis = s.CostBasis;
            position.Mark = s.Mark;
            position.EntryTimeMs = s.EntryTimeMs;
            position.BoughtUnits = s.BoughtUnits;
            position.BoughtValue = s.BoughtValue;
            position.EntryCost = s.EntryCost;
            position.SoldUnits = s.SoldUnits;
            position.SoldValue = s.SoldValue;
            position.Proceeds = s.Proceeds;
            position.Fees = s.Fees;
        }

        ledger._closed.AddRange(state.Closed);
        return ledger;
    }
}
