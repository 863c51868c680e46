namespace ActorArb.Domain.Strategies;

/// <summary>
/// A strategy whose memory can be checkpointed and restored, so a restarted process continues deciding as an
/// uninterrupted one would. A strategy that keeps state between candles and does not implement this cannot be
/// resumed exactly.
/// </summary>
public interface IStatefulStrategy : IStrategy
{
    /// <summary>Returns the strategy's memory, or null when it keeps none.</summary>
    StrategyState? ExportState();

    /// <summary>Sets the strategy's memory to <paramref name="state"/> (null: the memory of a fresh strategy).</summary>
    /// <exception cref="ArgumentException">The state was written by another kind of strategy.</exception>
    void RestoreState(StrategyState? state);
}
