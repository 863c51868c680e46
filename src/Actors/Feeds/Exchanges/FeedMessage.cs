using ActorArb.Domain.Market;

namespace ActorArb.Actors.Feeds.Exchanges;

/// <summary>What one received frame said, as read by an <see cref="IExchangeAdapter"/>.</summary>
public abstract record FeedMessage
{
    private protected FeedMessage()
    {
    }
}

/// <summary>
/// Trades, oldest first. <paramref name="IsSnapshot"/> is true for the recent trades an exchange replays on
/// subscribe (Coinbase and Kraken snapshots, Coinbase Exchange <c>last_match</c>); they may repeat trades already seen.
/// </summary>
public sealed record TradesReceived(IReadOnlyList<TradeTick> Trades, bool IsSnapshot) : FeedMessage;

/// <summary>The exchange said it is alive; <paramref name="TimeMs"/> is its own clock when the message carries one.</summary>
public sealed record HeartbeatReceived(long? TimeMs) : FeedMessage;

/// <summary>The exchange confirmed a subscription; <paramref name="Detail"/> says what, for the log.</summary>
public sealed record SubscriptionAcknowledged(string Detail) : FeedMessage;

/// <summary>The exchange reported an error or a system status other than online.</summary>
public sealed record ExchangeError(string Message) : FeedMessage;

/// <summary>A valid message this feed does not use (ticker, book, status...); <paramref name="Kind"/> names it.</summary>
public sealed record Ignored(string Kind) : FeedMessage;

/// <summary>
/// A frame that is not a valid message of the protocol: <paramref name="Reason"/> says what is wrong and
/// <paramref name="Sample"/> holds its first 200 characters for the log.
/// </summary>
public sealed record Malformed(string Reason, string Sample) : FeedMessage;
