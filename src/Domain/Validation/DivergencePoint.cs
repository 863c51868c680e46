namespace ActorArb.Domain.Validation;

/// <summary>Two series' disagreement at one aligned bar: <c>close_first / close_second − 1</c>.</summary>
/// <param name="TimeMs">The open time both bars share.</param>
/// <param name="Divergence">The first close over the second, minus one.</param>
public readonly record struct DivergencePoint(long TimeMs, double Divergence);
