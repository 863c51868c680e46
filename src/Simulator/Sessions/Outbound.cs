using ActorArb.Simulator.Market;

namespace ActorArb.Simulator.Sessions;

/// <summary>What a session's queue carries: everything its single send loop acts on, in order.</summary>
internal enum OutboundKind : byte
{
    /// <summary>Trades just published on a subscribed feed.</summary>
    Trades,

    /// <summary>A text message the client sent (subscribe, ping …).</summary>
    ClientText,

    /// <summary>The heartbeat clock ticked.</summary>
    Heartbeat,

    /// <summary>Send a burst of malformed messages now.</summary>
    MalformedBurst,

    /// <summary>The client sent a close frame: answer it and end.</summary>
    Close,
}

/// <summary>One queued item for a session.</summary>
internal readonly record struct Outbound(OutboundKind Kind, FeedState? Feed = null, PublishedTrade[]? Trades = null, string? Text = null, int Count = 0)
{
    public static Outbound Heartbeat { get; } = new(OutboundKind.Heartbeat);

    public static Outbound Close { get; } = new(OutboundKind.Close);
}

/// <summary>What a message is, for counting and for choosing which messages faults may hit.</summary>
internal enum FrameKind : byte
{
    /// <summary>Acks, errors, status: never faulted.</summary>
    Control,

    /// <summary>A snapshot of recent trades sent on subscribe: never faulted.</summary>
    Snapshot,

    /// <summary>A trade update: subject to duplicate, reorder and corrupt faults.</summary>
    Trade,

    /// <summary>An application heartbeat.</summary>
    Heartbeat,
}

/// <summary>
/// One message ready to send; a trade update also names its feed and the published positions of the first and last
/// trade it carries, for <see cref="SimulatorOptions.OnTradeFrameWritten"/>.
/// </summary>
internal readonly record struct Frame(byte[] Bytes, FrameKind Kind, FeedState? Feed = null, long FirstOrdinal = 0, long LastOrdinal = 0);
