namespace ActorArb.Actors.Feeds.Exchanges;

/// <summary>What <see cref="FeedParseBench"/> measured for one flavour on one core.</summary>
/// <param name="Flavour">The protocol parsed.</param>
/// <param name="Messages">The frames parsed.</param>
/// <param name="Trades">The trades those frames held.</param>
/// <param name="Malformed">Frames that did not parse (zero unless an adapter is broken).</param>
/// <param name="Seconds">The wall time of the timed loop.</param>
public sealed record FeedParseBenchResult(string Flavour, long Messages, long Trades, long Malformed, double Seconds)
{
    /// <summary>Returns frames parsed per second.</summary>
    public double MessagesPerSecond => Messages / Seconds;

    /// <summary>Returns trades parsed per second.</summary>
    public double TradesPerSecond => Trades / Seconds;
}
