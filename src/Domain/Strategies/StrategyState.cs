using System.Collections.Immutable;

namespace ActorArb.Domain.Strategies;

/// <summary>
/// A strategy's memory as whole numbers (prices as their raw fixed-point value, flags as 0 or 1), tagged with
/// the kind of strategy that wrote it. Whole numbers store and compare exactly, so a strategy restored from a
/// checkpoint decides exactly as the one that was checkpointed.
/// </summary>
public sealed record StrategyState(string Kind, ImmutableArray<long> Values);
