using ActorArb.Domain.Market;
using ActorArb.Domain.Regimes;

namespace ActorArb.Domain.Risk;

/// <summary>The account and market as the risk manager sees them when it judges an intent.</summary>
/// <param name="Cash">Cash in quote currency.</param>
/// <param name="Position">The position in the intent's instrument, in base units.</param>
/// <param name="Equity">Cash plus positions at their marks.</param>
/// <param name="Mark">The instrument's latest price; needed to size unit buys and check position and equity-share limits.</param>
/// <param name="Regime">The instrument's current regime.</param>
public readonly record struct RiskSnapshot(double Cash, double Position, double Equity, Price Mark, Regime Regime);
