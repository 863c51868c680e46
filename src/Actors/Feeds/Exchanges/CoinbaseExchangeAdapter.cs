using System.Text.Json;

namespace ActorArb.Actors.Feeds.Exchanges;

/// <summary>
/// Coinbase Exchange WebSocket (<c>ws-feed</c>): <c>match</c> and <c>last_match</c> (the latest trade before the
/// subscription, read as a snapshot), <c>heartbeat</c>, <c>subscriptions</c> and <c>error</c>. A match's <c>side</c>
/// is the maker order's side, so the aggressor is the opposite.
/// </summary>
internal sealed class CoinbaseExchangeAdapter() : JsonExchangeAdapter(ExchangeFlavours.CoinbaseExchange, new Uri("wss://ws-feed.exchange.coinbase.com"))
{
    /// <inheritdoc />
    public override IReadOnlyList<string> SubscribeMessages(IReadOnlyList<string> symbols)
    {
        var products = ExchangeSymbols(symbols);
        return [Subscribe(products, "matches"), Subscribe(products, "heartbeat")];
    }

    /// <inheritdoc />
    protected override FeedMessage ParseFrame(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        WireJson.Expect(ref reader, JsonTokenType.StartObject, "the frame");
        var fields = new CoinbaseTradeFields();
        ReadOnlySpan<byte> type = default, message = default, reason = default;
        var channels = -1;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (fields.TryRead(ref reader))
            {
                continue;
            }

            if (reader.ValueTextEquals("type"u8))
            {
                type = WireJson.String(ref reader, "type");
            }
            else if (reader.ValueTextEquals("message"u8))
            {
                message = WireJson.String(ref reader, "message");
            }
            else if (reader.ValueTextEquals("reason"u8))
            {
                reason = WireJson.String(ref reader, "reason");
            }
            else if (reader.ValueTextEquals("channels"u8))
            {
                channels = WireJson.SkipValue(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        WireJson.ExpectEnd(ref reader);
        if (type.IsEmpty)
        {
            return new Malformed("no type", WireJson.Sample(utf8));
        }

        var last = type.SequenceEqual("last_match"u8);
        if (last || type.SequenceEqual("match"u8))
        {
            return new TradesReceived([fields.ToTrade(Instruments, "a match")], last);
        }

        return type switch
        {
            _ when type.SequenceEqual("heartbeat"u8) => new HeartbeatReceived(WireValues.TryIsoToMs(fields.Time, out var ms) ? ms : null),
            _ when type.SequenceEqual("subscriptions"u8) => new SubscriptionAcknowledged(channels >= 0 ? WireJson.RawValue(utf8, channels) : "subscriptions"),
            _ when type.SequenceEqual("error"u8) => new ExchangeError(Error(message, reason)),
            _ => new Ignored(WireJson.Text(type)),
        };
    }

    private static string Subscribe(IReadOnlyList<string> products, string channel) => WireJson.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("type", "subscribe");
        WireJson.WriteStrings(w, "product_ids", products);
        WireJson.WriteStrings(w, "channels", [channel]);
        w.WriteEndObject();
    });

    private static string Error(ReadOnlySpan<byte> message, ReadOnlySpan<byte> reason) =>
        (message.IsEmpty ? "error" : WireJson.Text(message)) + (reason.IsEmpty ? string.Empty : ": " + WireJson.Text(reason));
}
