namespace ActorArb.Actors.Optimization;

/// <summary>A grid of parameter combinations the optimizer hands out in chunks by offset; immutable, so workers share it.</summary>
public interface IOptimizationGrid
{
    /// <summary>Gets the number of combinations.</summary>
    int Count { get; }
}
