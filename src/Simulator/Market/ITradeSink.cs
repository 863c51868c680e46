namespace ActorArb.Simulator.Market;

/// <summary>A subscriber to a feed's published trades: a WebSocket session.</summary>
internal interface ITradeSink
{
    /// <summary>
    /// Takes a batch of trades just published, in order. Called under the feed's lock, so it must only enqueue; the
    /// batch is shared by every subscriber and never changes.
    /// </summary>
    void Offer(FeedState feed, PublishedTrade[] trades);

    /// <summary>Gets how many items wait in the subscriber's queue.</summary>
    int Backlog { get; }
}
