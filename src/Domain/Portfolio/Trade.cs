using ActorArb.Domain.Market;

namespace ActorArb.Domain.Portfolio;

/// <summary>
/// A round trip in one instrument: from the first buy out of flat to the sell that brings the position back
/// to zero. An open trade (<see cref="IsOpen"/>) is valued at the mark with no exit fee.
/// </summary>
/// <param name="Instrument">The instrument traded.</param>
/// <param name="EntryTimeMs">The time of the first buy.</param>
/// <param name="EntryPrice">The average buy fill price, weighted by units.</param>
/// <param name="ExitTimeMs">The time of the closing sell, or null while open.</param>
/// <param name="ExitPrice">The average sell fill price, weighted by units; the mark while open.</param>
/// <param name="Quantity">The base units bought over the trade.</param>
/// <param name="EntryCost">The quote currency spent on buys, fees included.</param>
/// <param name="ExitValue">The net sale proceeds, plus the units still held at the mark while open.</param>
/// <param name="Fees">The fees paid over the trade.</param>
/// <param name="Pnl">ExitValue - EntryCost.</param>
/// <param name="Return">Pnl / EntryCost.</param>
public sealed record Trade(
    InstrumentId Instrument,
    long EntryTimeMs,
    double EntryPrice,
    long? ExitTimeMs,
    double ExitPrice,
    double Quantity,
    double EntryCost,
    double ExitValue,
    double Fees,
    double Pnl,
    double Return)
{
    /// <summary>Returns true while the position is still held.</summary>
    public bool IsOpen => ExitTimeMs is null;
}
