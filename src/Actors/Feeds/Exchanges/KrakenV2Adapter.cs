using System.Text.Json;
using ActorArb.Domain.Market;

namespace ActorArb.Actors.Feeds.Exchanges;

/// <summary>
/// Kraken WebSocket v2: <c>trade</c> snapshot and update, <c>heartbeat</c>, <c>status</c> (anything but
/// <c>online</c> is an <see cref="ExchangeError"/>), method replies (subscribe acks, errors, pong). Prices and sizes
/// are JSON numbers, read from their exact text; trade ids stay the digits sent, however long.
/// </summary>
internal sealed class KrakenV2Adapter() : JsonExchangeAdapter(ExchangeFlavours.Kraken, new Uri("wss://ws.kraken.com/v2"))
{
    /// <inheritdoc />
    public override string? PingMessage => """{"method":"ping"}""";

    /// <inheritdoc />
    public override IReadOnlyList<string> SubscribeMessages(IReadOnlyList<string> symbols)
    {
        var pairs = ExchangeSymbols(symbols);
        return
        [
            WireJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("method", "subscribe");
                w.WriteStartObject("params");
                w.WriteString("channel", "trade");
                WireJson.WriteStrings(w, "symbol", pairs);
                w.WriteEndObject();
                w.WriteEndObject();
            }),
        ];
    }

    /// <inheritdoc />
    protected override FeedMessage ParseFrame(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        WireJson.Expect(ref reader, JsonTokenType.StartObject, "the frame");
        ReadOnlySpan<byte> channel = default, type = default, method = default, error = default, timeOut = default;
        bool? success = null;
        int data = -1, result = -1;
        TradeTick[]? trades = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("channel"u8))
            {
                channel = WireJson.String(ref reader, "channel");
            }
            else if (reader.ValueTextEquals("type"u8))
            {
                type = WireJson.String(ref reader, "type");
            }
            else if (reader.ValueTextEquals("data"u8) && channel.SequenceEqual("trade"u8))
            {
                // The channel comes first on the wire: read the trades in this one pass.
                data = (int)reader.TokenStartIndex;
                trades = Trades(ref reader);
            }
            else if (reader.ValueTextEquals("data"u8))
            {
                data = WireJson.SkipValue(ref reader);
            }
            else if (reader.ValueTextEquals("method"u8))
            {
                method = WireJson.String(ref reader, "method");
            }
            else if (reader.ValueTextEquals("success"u8))
            {
                success = WireJson.Boolean(ref reader, "success");
            }
            else if (reader.ValueTextEquals("error"u8))
            {
                error = WireJson.String(ref reader, "error");
            }
            else if (reader.ValueTextEquals("result"u8))
            {
                result = WireJson.SkipValue(ref reader);
            }
            else if (reader.ValueTextEquals("time_out"u8))
            {
                timeOut = WireJson.String(ref reader, "time_out");
            }
            else
            {
                reader.Skip();
            }
        }

        WireJson.ExpectEnd(ref reader);
        if (!method.IsEmpty)
        {
            return MethodReply(utf8, method, success, error, result, timeOut);
        }

        if (channel.IsEmpty)
        {
            return error.IsEmpty ? new Malformed("no channel or method", WireJson.Sample(utf8)) : new ExchangeError(WireJson.Text(error));
        }

        if ((channel.SequenceEqual("trade"u8) || channel.SequenceEqual("status"u8)) && data < 0)
        {
            throw new WireFormatException($"{WireJson.Text(channel)} without data");
        }

        return channel switch
        {
            _ when channel.SequenceEqual("trade"u8) => new TradesReceived(trades ?? Trades(utf8, data), type.SequenceEqual("snapshot"u8)),
            _ when channel.SequenceEqual("heartbeat"u8) => new HeartbeatReceived(null),
            _ when channel.SequenceEqual("status"u8) => Status(utf8, data),
            _ => new Ignored(WireJson.Text(channel)),
        };
    }

    private static FeedMessage MethodReply(ReadOnlySpan<byte> utf8, ReadOnlySpan<byte> method, bool? success, ReadOnlySpan<byte> error, int result, ReadOnlySpan<byte> timeOut)
    {
        var name = WireJson.Text(method);
        if (success == false || !error.IsEmpty)
        {
            return new ExchangeError($"{name} failed: {(error.IsEmpty ? "no reason given" : WireJson.Text(error))}");
        }

        return name switch
        {
            "pong" => new HeartbeatReceived(WireValues.TryIsoToMs(timeOut, out var ms) ? ms : null),
            "subscribe" or "unsubscribe" => new SubscriptionAcknowledged(result >= 0 ? $"{name} {WireJson.RawValue(utf8, result)}" : name),
            _ => new Ignored(name),
        };
    }

    private TradeTick[] Trades(ReadOnlySpan<byte> utf8, int data)
    {
        var reader = WireJson.At(utf8, data);
        return Trades(ref reader);
    }

    // Reads the data array that follows the reader's position.
    private TradeTick[] Trades(ref Utf8JsonReader reader)
    {
        WireJson.Expect(ref reader, JsonTokenType.StartArray, "data");
        var trades = new TradeBuffer();
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            trades.Add(Trade(ref reader));
        }

        WireJson.EndOfObjects(ref reader, "a trade");
        return trades.ToArray();
    }

    private TradeTick Trade(ref Utf8JsonReader reader)
    {
        ReadOnlySpan<byte> symbol = default, side = default, price = default, qty = default, id = default, timestamp = default;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("symbol"u8))
            {
                symbol = WireJson.String(ref reader, "symbol");
            }
            else if (reader.ValueTextEquals("side"u8))
            {
                side = WireJson.String(ref reader, "side");
            }
            else if (reader.ValueTextEquals("price"u8))
            {
                price = WireJson.Scalar(ref reader, "price");
            }
            else if (reader.ValueTextEquals("qty"u8))
            {
                qty = WireJson.Scalar(ref reader, "qty");
            }
            else if (reader.ValueTextEquals("trade_id"u8))
            {
                id = WireJson.Scalar(ref reader, "trade_id");
            }
            else if (reader.ValueTextEquals("timestamp"u8))
            {
                timestamp = WireJson.String(ref reader, "timestamp");
            }
            else
            {
                reader.Skip();
            }
        }

        if (symbol.IsEmpty || side.IsEmpty || price.IsEmpty || qty.IsEmpty || id.IsEmpty || timestamp.IsEmpty)
        {
            throw new WireFormatException("a trade lacks symbol, side, price, qty, trade_id or timestamp");
        }

        return new TradeTick(
            Instruments.Get(symbol),
            WireValues.IsoToMs(timestamp),
            WireValues.Price(price),
            WireValues.Size(qty),
            WireValues.Side(side),
            WireValues.TradeId(id));
    }

    private static FeedMessage Status(ReadOnlySpan<byte> utf8, int data)
    {
        var reader = WireJson.At(utf8, data);
        WireJson.Expect(ref reader, JsonTokenType.StartArray, "status data");
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (!reader.ValueTextEquals("system"u8))
                {
                    reader.Skip();
                    continue;
                }

                var system = WireJson.String(ref reader, "system");
                return system.SequenceEqual("online"u8) ? new Ignored("status") : new ExchangeError($"system status {WireJson.Text(system)}");
            }
        }

        throw new WireFormatException("status without system");
    }
}
