namespace ActorArb.Domain.Arbitrage;

/// <summary>
/// What a <see cref="SpreadArbitrage"/> has done so far. Every opportunity is either executed or skipped for
/// exactly one reason: <c>Opportunities == Executed + SkippedNoInventory + SkippedNoVolume + SkippedHalted</c>.
/// </summary>
/// <param name="Evaluations">The times evaluated (each has one equity point).</param>
/// <param name="Opportunities">The evaluations where some tradable pair's net edge was positive and at least the minimum.</param>
/// <param name="Executed">The arbitrages executed (at most one per evaluation).</param>
/// <param name="SkippedNoInventory">
/// Opportunities left because no qualifying pair had the cash on its cheap venue or the units on its dear venue
/// for the minimum quantity.
/// </param>
/// <param name="SkippedNoVolume">
/// Opportunities left because the participation cap on the candles' volume kept every pair that had the inventory
/// below the minimum quantity.
/// </param>
/// <param name="SkippedHalted">Opportunities left because trading was halted.</param>
public sealed record SpreadCounters(
    long Evaluations,
    long Opportunities,
    long Executed,
    long SkippedNoInventory,
    long SkippedNoVolume,
    long SkippedHalted);
