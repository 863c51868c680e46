using ActorArb.Domain.Market;

namespace ActorArb.Domain.Arbitrage;

/// <summary>
/// One venue of a spread arbitrage: the instrument traded there, its taker fee, and the inventory pre-funded on
/// that venue (quote cash to buy with, base units to sell). Inventory never moves between venues.
/// </summary>
/// <param name="Instrument">The instrument on this venue; every leg has the same symbol on a different exchange.</param>
/// <param name="TakerFeeBps">The venue's taker fee in basis points of the traded value, in [0, 10000).</param>
/// <param name="InitialCash">The quote currency held on this venue at the start, finite and not negative.</param>
/// <param name="InitialUnits">The base units held on this venue at the start, finite and not negative.</param>
public sealed record SpreadLeg(InstrumentId Instrument, double TakerFeeBps, double InitialCash, double InitialUnits)
{
    /// <summary>Returns the taker fee as a fraction: <c>TakerFeeBps / 10000.0</c>.</summary>
    public double TakerFeeRate => TakerFeeBps / 10000.0;
}
