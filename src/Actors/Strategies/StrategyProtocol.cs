using ActorArb.Domain.Strategies;

namespace ActorArb.Actors.Strategies;

/// <summary>Messages of the <see cref="StrategyActor"/>.</summary>
public static class StrategyProtocol
{
    /// <summary>
    /// The actor's state at a checkpoint: the book as the last portfolio snapshot gave it and the strategy's memory.
    /// Taken only while the chain is idle, so no candle is held and no order outcome is awaited.
    /// </summary>
    public sealed record State(double Cash, double Position, int WorkingOrders, StrategyState? Strategy);
}

/// <summary>The book and memory a <see cref="StrategyActor"/> command left, stored after that command's intents.</summary>
public sealed record StrategyRecorded(StrategyProtocol.State State);
