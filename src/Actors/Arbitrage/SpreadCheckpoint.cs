using ActorArb.Domain.Arbitrage;
using ActorArb.Domain.Events;

namespace ActorArb.Actors.Arbitrage;

/// <summary>
/// A live spread arbitrage as it stood when the run checkpointed (periodically and on shutdown): accounts, quotes,
/// pending bar and counters. A restarted run with the same id resumes the engine from its latest checkpoint.
/// </summary>
/// <param name="TimeMs">The wall-clock time of the checkpoint.</param>
/// <param name="StrategyId">The spread's id.</param>
/// <param name="Engine">The engine's state.</param>
public sealed record SpreadCheckpoint(long TimeMs, string StrategyId, SpreadState Engine) : IDomainEvent
{
    /// <summary>Returns the stream a run's checkpoints of the spread <paramref name="strategyId"/> go to.</summary>
    public static string StreamOf(string runId, string strategyId) => $"{runId}/checkpoints/spread/{strategyId}";
}
