namespace ActorArb.Domain.Portfolio;

/// <summary>One point of an equity curve, normally one per bar at the bar's close.</summary>
/// <param name="TimeMs">The valuation time.</param>
/// <param name="Equity">Cash plus positions at their marks.</param>
/// <param name="InMarket">True when any position was open at that time; the metrics' exposure counts these.</param>
public readonly record struct EquityPoint(long TimeMs, double Equity, bool InMarket = false);
