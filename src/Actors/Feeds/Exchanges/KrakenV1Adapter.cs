using System.Text;
using System.Text.Json;
using ActorArb.Domain.Market;

namespace ActorArb.Actors.Feeds.Exchanges;

/// <summary>
/// Kraken WebSocket v1: channel arrays <c>[channelID, payload..., channelName, pair]</c> (only <c>trade</c> is read:
/// <c>[price, volume, time, side, orderType, misc(, tradeId)]</c>, side already the aggressor's) and event objects
/// (<c>heartbeat</c>, <c>systemStatus</c>, <c>subscriptionStatus</c>, <c>pong</c>, <c>error</c>).
/// v1 trades carry no id unless a seventh element is present, so the id is derived deterministically from the text
/// sent: <c>{time}-{price}-{volume}-{k}</c>, where k counts the earlier trades of the same frame with the same time,
/// price and volume (normally 0). The same trade therefore gets the same id however the frames are batched.
/// </summary>
internal sealed class KrakenV1Adapter() : JsonExchangeAdapter(ExchangeFlavours.KrakenV1, new Uri("wss://ws.kraken.com"))
{
    /// <inheritdoc />
    public override string? PingMessage => """{"event":"ping"}""";

    /// <inheritdoc />
    public override IReadOnlyList<string> SubscribeMessages(IReadOnlyList<string> symbols)
    {
        var pairs = ExchangeSymbols(symbols);
        return
        [
            WireJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("event", "subscribe");
                WireJson.WriteStrings(w, "pair", pairs);
                w.WriteStartObject("subscription");
                w.WriteString("name", "trade");
                w.WriteEndObject();
                w.WriteEndObject();
            }),
        ];
    }

    /// <inheritdoc />
    protected override FeedMessage ParseFrame(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.StartArray => ChannelMessage(utf8, ref reader),
            JsonTokenType.StartObject => EventMessage(utf8, ref reader),
            _ => throw new WireFormatException($"the frame is {reader.TokenType}, not an array or an object"),
        };
    }

    private FeedMessage ChannelMessage(ReadOnlySpan<byte> utf8, ref Utf8JsonReader reader)
    {
        ReadOnlySpan<byte> beforeLast = default, last = default;
        var elements = 0;
        var payload = -1;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (elements++ == 1)
            {
                payload = (int)reader.TokenStartIndex;
            }

            beforeLast = last;
            last = reader.TokenType == JsonTokenType.String ? WireJson.Current(ref reader) : default;
            reader.Skip();
        }

        WireJson.ExpectEnd(ref reader);
        if (elements < 4 || beforeLast.IsEmpty || last.IsEmpty)
        {
            throw new WireFormatException("a channel message is not [channelID, payload, channelName, pair]");
        }

        return beforeLast.SequenceEqual("trade"u8) ? Trades(utf8, payload, last) : new Ignored(WireJson.Text(beforeLast));
    }

    private TradesReceived Trades(ReadOnlySpan<byte> utf8, int payload, ReadOnlySpan<byte> pair)
    {
        var instrument = Instruments.Get(pair);
        var reader = WireJson.At(utf8, payload);
        WireJson.Expect(ref reader, JsonTokenType.StartArray, "the trades");
        var trades = new TradeBuffer();
        while (reader.Read() && reader.TokenType == JsonTokenType.StartArray)
        {
            trades.Add(Trade(ref reader, instrument));
        }

        if (reader.TokenType != JsonTokenType.EndArray)
        {
            throw new WireFormatException($"a trade is {reader.TokenType}, not an array");
        }

        var array = trades.ToArray();
        DisambiguateDerivedIds(array);
        return new TradesReceived(array, false);
    }

    private static TradeTick Trade(ref Utf8JsonReader reader, InstrumentId instrument)
    {
        ReadOnlySpan<byte> price = default, volume = default, time = default, side = default, id = default;
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var value = reader.TokenType is JsonTokenType.String or JsonTokenType.Number ? WireJson.Current(ref reader) : default;
            switch (index++)
            {
                case 0: price = value; break;
                case 1: volume = value; break;
                case 2: time = value; break;
                case 3: side = value; break;
                case 6: id = value; break;
            }

            reader.Skip();
        }

        if (price.IsEmpty || volume.IsEmpty || time.IsEmpty || side.IsEmpty)
        {
            throw new WireFormatException("a trade is not [price, volume, time, side, ...]");
        }

        var tradeId = id.IsEmpty
            ? $"{Encoding.UTF8.GetString(time)}-{Encoding.UTF8.GetString(price)}-{Encoding.UTF8.GetString(volume)}-0"
            : WireValues.TradeId(id);
        return new TradeTick(instrument, WireValues.UnixSecondsToMs(time), WireValues.Price(price), WireValues.Size(volume), WireValues.Side(side), tradeId);
    }

    // Derived ids end in "-0"; a repeat of the same time, price and volume within the frame gets -1, -2, ...
    private static void DisambiguateDerivedIds(TradeTick[] trades)
    {
        for (var i = 1; i < trades.Length; i++)
        {
            if (!trades[i].TradeId.EndsWith("-0", StringComparison.Ordinal))
            {
                continue;
            }

            var repeats = 0;
            for (var j = 0; j < i; j++)
            {
                repeats += trades[j].TradeId.StartsWith(trades[i].TradeId.AsSpan(0, trades[i].TradeId.Length - 1), StringComparison.Ordinal) ? 1 : 0;
            }

            if (repeats > 0)
            {
                trades[i] = trades[i] with { TradeId = $"{trades[i].TradeId[..^1]}{repeats}" };
            }
        }
    }

    private static FeedMessage EventMessage(ReadOnlySpan<byte> utf8, ref Utf8JsonReader reader)
    {
        ReadOnlySpan<byte> name = default, status = default, pair = default, channelName = default, channelId = default, errorMessage = default;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("event"u8))
            {
                name = WireJson.String(ref reader, "event");
            }
            else if (reader.ValueTextEquals("status"u8))
            {
                status = WireJson.String(ref reader, "status");
            }
            else if (reader.ValueTextEquals("pair"u8))
            {
                pair = WireJson.String(ref reader, "pair");
            }
            else if (reader.ValueTextEquals("channelName"u8))
            {
                channelName = WireJson.String(ref reader, "channelName");
            }
            else if (reader.ValueTextEquals("channelID"u8))
            {
                channelId = WireJson.Scalar(ref reader, "channelID");
            }
            else if (reader.ValueTextEquals("errorMessage"u8))
            {
                errorMessage = WireJson.String(ref reader, "errorMessage");
            }
            else
            {
                reader.Skip();
            }
        }

        WireJson.ExpectEnd(ref reader);
        if (name.IsEmpty)
        {
            return new Malformed("no event", WireJson.Sample(utf8));
        }

        return name switch
        {
            _ when name.SequenceEqual("heartbeat"u8) || name.SequenceEqual("pong"u8) => new HeartbeatReceived(null),
            _ when name.SequenceEqual("systemStatus"u8) => status.SequenceEqual("online"u8)
                ? new Ignored("systemStatus")
                : new ExchangeError($"system status {WireJson.Text(status)}"),
            _ when name.SequenceEqual("subscriptionStatus"u8) => status.SequenceEqual("error"u8)
                ? new ExchangeError($"subscription of {WireJson.Text(pair)} failed: {WireJson.Text(errorMessage)}")
                : new SubscriptionAcknowledged($"{WireJson.Text(status)} {WireJson.Text(channelName)} {WireJson.Text(pair)} channel {WireJson.Text(channelId)}"),
            _ when name.SequenceEqual("error"u8) => new ExchangeError(errorMessage.IsEmpty ? "error" : WireJson.Text(errorMessage)),
            _ => new Ignored(WireJson.Text(name)),
        };
    }
}
