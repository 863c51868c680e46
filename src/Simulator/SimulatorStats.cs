namespace ActorArb.Simulator;

/// <summary>The simulator's running counts, bumped from any thread; <see cref="ExchangeSimulator.Counters"/> snapshots them.</summary>
internal sealed class SimulatorStats
{
    public long MessagesSent;
    public long TradeMessagesSent;
    public long HeartbeatsSent;
    public long ConnectionsAccepted;
    public long ConnectionsOpen;
    public long ConnectionsDropped;
    public long SlowConsumersDropped;
    public long Stalls;
    public long DuplicatedMessages;
    public long ReorderedMessages;
    public long CorruptedMessages;
    public long MalformedMessages;
    public long RestRequests;
    public long RestRateLimited;
}
