using System.Collections.Immutable;
using ActorArb.Domain.Market;

namespace ActorArb.Simulator;

/// <summary>A snapshot of what the simulator has done so far.</summary>
/// <param name="PublishedTrades">Trades published per instrument.</param>
/// <param name="MessagesSent">WebSocket messages sent, of every kind, faulty ones included.</param>
/// <param name="TradeMessagesSent">Trade update messages sent (duplicates and corrupted copies included; snapshots excluded).</param>
/// <param name="HeartbeatsSent">Application heartbeat messages sent.</param>
/// <param name="ConnectionsAccepted">WebSocket connections accepted.</param>
/// <param name="ConnectionsOpen">WebSocket connections open now.</param>
/// <param name="ConnectionsDropped">Connections aborted by a drop fault.</param>
/// <param name="SlowConsumersDropped">Connections aborted because their queue was full.</param>
/// <param name="Stalls">Stalls started.</param>
/// <param name="DuplicatedMessages">Trade messages sent a second time.</param>
/// <param name="ReorderedMessages">Trade messages sent after their successor.</param>
/// <param name="CorruptedMessages">Trade messages replaced by a corrupted copy.</param>
/// <param name="MalformedMessages">Malformed messages injected in addition to the valid ones.</param>
/// <param name="RestRequests">REST requests received.</param>
/// <param name="RestRateLimited">REST requests refused as rate-limited (HTTP 429, or Kraken's HTTP 200 error).</param>
public sealed record SimulatorCounters(
    ImmutableDictionary<InstrumentId, long> PublishedTrades,
    long MessagesSent,
    long TradeMessagesSent,
    long HeartbeatsSent,
    long ConnectionsAccepted,
    long ConnectionsOpen,
    long ConnectionsDropped,
    long SlowConsumersDropped,
    long Stalls,
    long DuplicatedMessages,
    long ReorderedMessages,
    long CorruptedMessages,
    long MalformedMessages,
    long RestRequests,
    long RestRateLimited);
