using ActorArb.Actors.Runtime;

namespace ActorArb.Actors.Optimization;

/// <summary>
/// A group of workers the coordinator feeds: an actor (a router over CPU workers, or one GPU worker), the chunk size
/// that suits it and how many chunks it may have in flight (enough to keep every routee busy).
/// </summary>
public sealed record WorkerPool(string Name, IActorRef Workers, int ChunkSize, int InFlight)
{
    /// <summary>Gets the chunk size, at least 1.</summary>
    public int ChunkSize { get; } = ChunkSize > 0 ? ChunkSize : throw new ArgumentOutOfRangeException(nameof(ChunkSize), ChunkSize, "a chunk holds at least one combination");

    /// <summary>Gets the number of chunks in flight, at least 1.</summary>
    public int InFlight { get; } = InFlight > 0 ? InFlight : throw new ArgumentOutOfRangeException(nameof(InFlight), InFlight, "a pool takes at least one chunk at a time");
}
