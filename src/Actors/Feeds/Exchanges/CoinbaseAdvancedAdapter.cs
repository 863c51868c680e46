using System.Text.Json;
using ActorArb.Domain.Market;

namespace ActorArb.Actors.Feeds.Exchanges;

/// <summary>
/// Coinbase Advanced Trade WebSocket: <c>market_trades</c> (snapshot and update events), <c>heartbeats</c> and
/// <c>subscriptions</c>. Its trade <c>side</c> is the maker's (in the recorded session trades at the best ask say
/// SELL), so the aggressor is the opposite; trades are listed newest first and come back oldest first.
/// </summary>
internal sealed class CoinbaseAdvancedAdapter() : JsonExchangeAdapter(ExchangeFlavours.Coinbase, new Uri("wss://advanced-trade-ws.coinbase.com"))
{
    /// <inheritdoc />
    public override IReadOnlyList<string> SubscribeMessages(IReadOnlyList<string> symbols)
    {
        var products = ExchangeSymbols(symbols);
        return [Subscribe(products, "market_trades"), Subscribe(products, "heartbeats")];
    }

    /// <inheritdoc />
    protected override FeedMessage ParseFrame(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        WireJson.Expect(ref reader, JsonTokenType.StartObject, "the frame");
        ReadOnlySpan<byte> channel = default, type = default, timestamp = default, message = default;
        var events = -1;
        TradesReceived? trades = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("channel"u8))
            {
                channel = WireJson.String(ref reader, "channel");
            }
            else if (reader.ValueTextEquals("events"u8) && channel.SequenceEqual("market_trades"u8))
            {
                // The channel comes first on the wire: read the trades in this one pass.
                events = (int)reader.TokenStartIndex;
                trades = Trades(ref reader);
            }
            else if (reader.ValueTextEquals("events"u8))
            {
                events = WireJson.SkipValue(ref reader);
            }
            else if (reader.ValueTextEquals("timestamp"u8))
            {
                timestamp = WireJson.String(ref reader, "timestamp");
            }
            else if (reader.ValueTextEquals("type"u8))
            {
                type = WireJson.String(ref reader, "type");
            }
            else if (reader.ValueTextEquals("message"u8))
            {
                message = WireJson.String(ref reader, "message");
            }
            else
            {
                reader.Skip();
            }
        }

        WireJson.ExpectEnd(ref reader);
        if (type.SequenceEqual("error"u8))
        {
            return new ExchangeError(message.IsEmpty ? "error without a message" : WireJson.Text(message));
        }

        if (channel.IsEmpty)
        {
            return new Malformed("no channel", WireJson.Sample(utf8));
        }

        if (events < 0 && (channel.SequenceEqual("market_trades"u8) || channel.SequenceEqual("subscriptions"u8)))
        {
            throw new WireFormatException($"{WireJson.Text(channel)} without events");
        }

        return channel switch
        {
            _ when channel.SequenceEqual("market_trades"u8) => trades ?? Trades(utf8, events),
            _ when channel.SequenceEqual("heartbeats"u8) => new HeartbeatReceived(HeartbeatTime(utf8, events, timestamp)),
            _ when channel.SequenceEqual("subscriptions"u8) => new SubscriptionAcknowledged(WireJson.RawValue(utf8, events)),
            _ => new Ignored(WireJson.Text(channel)),
        };
    }

    private static string Subscribe(IReadOnlyList<string> products, string channel) => WireJson.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("type", "subscribe");
        WireJson.WriteStrings(w, "product_ids", products);
        w.WriteString("channel", channel);
        w.WriteEndObject();
    });

    private TradesReceived Trades(ReadOnlySpan<byte> utf8, int events)
    {
        var reader = WireJson.At(utf8, events);
        return Trades(ref reader);
    }

    // Reads the events array that follows the reader's position.
    private TradesReceived Trades(ref Utf8JsonReader reader)
    {
        WireJson.Expect(ref reader, JsonTokenType.StartArray, "events");
        var trades = new TradeBuffer();
        var eventCount = 0;
        var snapshots = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            eventCount++;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("type"u8))
                {
                    snapshots += WireJson.String(ref reader, "event type").SequenceEqual("snapshot"u8) ? 1 : 0;
                }
                else if (reader.ValueTextEquals("trades"u8))
                {
                    WireJson.Expect(ref reader, JsonTokenType.StartArray, "trades");
                    while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                    {
                        trades.Add(Trade(ref reader));
                    }

                    WireJson.EndOfObjects(ref reader, "a trade");
                }
                else
                {
                    reader.Skip();
                }
            }
        }

        WireJson.EndOfObjects(ref reader, "an event");
        trades.Reverse();
        return new TradesReceived(trades.ToArray(), eventCount > 0 && snapshots == eventCount);
    }

    private TradeTick Trade(ref Utf8JsonReader reader)
    {
        var fields = new CoinbaseTradeFields();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!fields.TryRead(ref reader))
            {
                reader.Skip();
            }
        }

        return fields.ToTrade(Instruments, "a trade");
    }

    // The event's current_time is Go's time format; the envelope timestamp stands in when it does not read.
    private static long? HeartbeatTime(ReadOnlySpan<byte> utf8, int events, ReadOnlySpan<byte> timestamp)
    {
        if (events >= 0)
        {
            var reader = WireJson.At(utf8, events);
            reader.Read();
            if (reader.TokenType == JsonTokenType.StartArray && reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("current_time"u8) && reader.Read() && reader.TokenType == JsonTokenType.String
                        && WireValues.TryIsoToMs(reader.ValueSpan, out var current))
                    {
                        return current;
                    }

                    reader.Skip();
                }
            }
        }

        return WireValues.TryIsoToMs(timestamp, out var ms) ? ms : null;
    }
}
