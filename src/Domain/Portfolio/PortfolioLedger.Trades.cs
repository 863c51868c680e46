using ActorArb.Domain.Events;
using ActorArb.Domain.Market;

namespace ActorArb.Domain.Portfolio;

/// <summary>Applying fills and keeping round-trip trades.</summary>
public sealed partial class PortfolioLedger
{
    /// <summary>
    /// Applies a fill: cash moves by the fill's cash delta, units by its quantity, the mark moves to the fill's
    /// market price; a buy out of flat opens a trade and a sell back to zero closes it.
    /// </summary>
    /// <exception cref="InvalidOperationException">A sell exceeds the units held (spot cannot go short).</exception>
    public void Apply(OrderFilled fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        var position = PositionFor(fill.Instrument);
        if (fill.Side == Side.Sell && fill.Quantity > position.Units)
        {
            throw new InvalidOperationException(
                $"fill of order {fill.OrderId} sells {fill.Quantity} {fill.Instrument} but only {position.Units} are held");
        }

        if (fill.Side == Side.Buy && position.Units == 0)
        {
            position.OpenTrade(fill.TimeMs);
        }

        Cash += fill.CashDelta;
        FeesPaid += fill.Fee;
        position.Mark = fill.Price;
        position.Fees += fill.Fee;
        if (fill.Side == Side.Buy)
        {
            position.Units += fill.Quantity;
            position.CostBasis -= fill.CashDelta;
            position.EntryCost -= fill.CashDelta;
            position.BoughtUnits += fill.Quantity;
            position.BoughtValue += fill.Quantity * fill.FillPrice;
            return;
        }

        var remaining = position.Units - fill.Quantity;
        var costSold = remaining == 0 ? position.CostBasis : position.CostBasis * (fill.Quantity / position.Units);
        RealisedPnl += fill.CashDelta - costSold;
        position.CostBasis = remaining == 0 ? 0 : position.CostBasis - costSold;
        position.Units = remaining;
        position.SoldUnits += fill.Quantity;
        position.SoldValue += fill.Quantity * fill.FillPrice;
        position.Proceeds += fill.CashDelta;
        if (remaining == 0)
        {
            _closed.Add(position.ToTrade(fill.TimeMs));
        }
    }

    /// <summary>Returns the closed trades followed by the open ones valued at their marks (for reports and metrics).</summary>
    public List<Trade> Trades()
    {
        var trades = new List<Trade>(_closed);
        foreach (var position in _positions)
        {
            if (position.Units > 0)
            {
                trades.Add(position.ToTrade(null));
            }
        }

        return trades;
    }

    /// <summary>Per-instrument state: the holding plus the accumulators of the trade in progress.</summary>
    private sealed class Position(InstrumentId instrument)
    {
        public InstrumentId Instrument { get; } = instrument;

        public double Units { get; set; }

        public double CostBasis { get; set; }

        /// <summary>Gets or sets the latest price; setting it also sets <see cref="MarkValue"/>.</summary>
        public Price Mark
        {
            get;
            set
            {
                field = value;
                MarkValue = value.ToDouble();
            }
        }

        /// <summary>Gets <see cref="Mark"/> as a double, converted once per mark rather than on every equity read.</summary>
        public double MarkValue { get; private set; }

        public long EntryTimeMs { get; set; }

        public double BoughtUnits { get; set; }

        public double BoughtValue { get; set; }

        public double EntryCost { get; set; }

        public double SoldUnits { get; set; }

        public double SoldValue { get; set; }

        public double Proceeds { get; set; }

        public double Fees { get; set; }

        public void OpenTrade(long timeMs)
        {
            EntryTimeMs = timeMs;
            BoughtUnits = 0;
            BoughtValue = 0;
            EntryCost = 0;
            SoldUnits = 0;
            SoldValue = 0;
            Proceeds = 0;
            Fees = 0;
        }

        public Trade ToTrade(long? exitTimeMs)
        {
            var open = exitTimeMs is null;
            var exitValue = open ? Proceeds + Units * MarkValue : Proceeds;
            var exitPrice = open ? MarkValue : SoldValue / SoldUnits;
            var pnl = exitValue - EntryCost;
            return new Trade(Instrument, EntryTimeMs, BoughtValue / BoughtUnits, exitTimeMs, exitPrice, BoughtUnits,
                EntryCost, exitValue, Fees, pnl, EntryCost > 0 ? pnl / EntryCost : 0);
        }
    }
}
