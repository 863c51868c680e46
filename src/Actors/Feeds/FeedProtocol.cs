using ActorArb.Actors.Feeds.Exchanges;
using ActorArb.Actors.Feeds.WebSockets;
using ActorArb.Domain.Events;
using ActorArb.Domain.Market;

namespace ActorArb.Actors.Feeds;

/// <summary>The messages of a <see cref="FeedActor"/>.</summary>
public static class FeedProtocol
{
    /// <summary>Asks the feed for its <see cref="FeedMetrics"/>.</summary>
    public sealed record GetMetrics;

    /// <summary>Frames parsed by the stage, in arrival order, each with its arrival time.</summary>
    internal sealed record Parsed(IReadOnlyList<(FeedMessage Message, long ArrivedMs)> Frames);

    /// <summary>The socket connected (first time or again).</summary>
    internal sealed record Connected(ReconnectionInfo Info);

    /// <summary>The socket lost its connection.</summary>
    internal sealed record Disconnected(DisconnectionInfo Info);

    /// <summary>The periodic tick: flush gaps, advance quiet instruments.</summary>
    internal sealed record Tick;

    /// <summary>A refill came back.</summary>
    internal sealed record Refilled(FeedGapDetected Gap, IReadOnlyList<TradeTick> Trades);

    /// <summary>A refill failed.</summary>
    internal sealed record RefillFailed(FeedGapDetected Gap, string Reason);
}
