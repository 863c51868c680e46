namespace ActorArb.Actors.Feeds;

/// <summary>
/// A feed's counters: frames received and how they parsed, trades routed, duplicates removed, gaps found and refilled,
/// connection state, and lag (the wall clock at arrival minus the trade's exchange time).
/// </summary>
public sealed record FeedMetrics(
    string Flavour,
    bool Connected,
    int Reconnects,
    long Frames,
    long Trades,
    long Routed,
    long Duplicates,
    long Unrouted,
    long Malformed,
    long Ignored,
    long ExchangeErrors,
    long Gaps,
    long Refilled,
    long RefillFailures,
    long Dropped,
    long LastMessageAtMs,
    long LastLagMs,
    long MaxLagMs,
    IReadOnlyList<string> Samples);
