namespace ActorArb.Domain.Strategies;

/// <summary>What a strategy may know about its account when it decides.</summary>
/// <param name="TimeMs">The decision time (the candle's close time).</param>
/// <param name="Cash">Cash in quote currency.</param>
/// <param name="Position">The position in the candle's instrument, in base units (0 when flat).</param>
/// <param name="Equity">Cash plus positions at their marks.</param>
public readonly record struct StrategyContext(long TimeMs, double Cash, double Position, double Equity);
