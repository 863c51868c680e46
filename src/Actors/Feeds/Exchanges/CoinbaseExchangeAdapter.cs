using System.Text.Json;
using ActorArb.Domain.Market;

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
        ReadOnlySpan<byte> type = default, id = default, side = default, size = default, price = default, product = default, time = default;
        ReadOnlySpan<byte> message = default, reason = default;
        var channels = -1;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                type = WireJson.String(ref reader, "type");
            }
            else if (reader.ValueTextEquals("trade_id"u8))
            {
                id = WireJson.Scalar(ref reader, "trade_id");
            }
            else if (reader.ValueTextEquals("side"u8))
            {
                side = WireJson.String(ref reader, "side");
            }
            else if (reader.ValueTextEquals("size"u8))
            {
                size = WireJson.Scalar(ref reader, "size");
            }
            else if (reader.ValueTextEquals("price"u8))
            {
                price = WireJson.Scalar(ref reader, "price");
            }
            else if (reader.ValueTextEquals("product_id"u8))
            {
                product = WireJson.String(ref reader, "product_id");
            }
            else if (reader.ValueTextEquals("time"u8))
            {
                time = WireJson.String(ref reader, "time");
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
            if (product.IsEmpty || id.IsEmpty || price.IsEmpty || size.IsEmpty || time.IsEmpty || side.IsEmpty)
            {
                throw new WireFormatException("a match lacks product_id, trade_id, price, size, time or side");
            }

            var trade = new TradeTick(
                Instruments.Get(product),
                WireValues.IsoToMs(time),
                WireValues.Price(price),
                WireValues.Size(size),
                WireValues.Opposite(WireValues.Side(side)),
                WireValues.TradeId(id));
            return new TradesReceived([trade], last);
        }

        return type switch
        {
            _ when type.SequenceEqual("heartbeat"u8) => new HeartbeatReceived(WireValues.TryIsoToMs(time, out var ms) ? ms : null),
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
