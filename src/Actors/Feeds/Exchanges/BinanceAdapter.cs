using System.Text.Json;
using ActorArb.Domain.Market;

namespace ActorArb.Actors.Feeds.Exchanges;

/// <summary>
/// Binance spot streams: raw <c>{"e":"trade",...}</c> events (<c>/ws/&lt;stream&gt;</c>) and combined
/// <c>{"stream":"btcusdt@trade","data":{...}}</c> wrappers (<c>/stream?streams=a/b</c>), plus the replies to
/// <c>SUBSCRIBE</c> requests and errors. <c>m=true</c> means the buyer was the maker, so the aggressor sold; the
/// trade time is <c>T</c>. The streams are named in the URL, so nothing is sent after connecting.
/// </summary>
internal sealed class BinanceAdapter() : JsonExchangeAdapter(ExchangeFlavours.Binance, new Uri("wss://stream.binance.com:9443"))
{
    /// <summary>
    /// Returns the combined-stream path and query for the normalised symbols' trade streams,
    /// e.g. <c>/stream?streams=btcusdt@trade/ethusdt@trade</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The list is empty or a symbol is not <c>BASE/QUOTE</c>.</exception>
    private static string StreamPath(IReadOnlyList<string> symbols)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        if (symbols.Count == 0)
        {
            throw new ArgumentException("at least one symbol is needed", nameof(symbols));
        }

        return "/stream?streams=" + string.Join('/', symbols.Select(s => SymbolMap.ToExchange(ExchangeFlavours.Binance, s).ToLowerInvariant() + "@trade"));
    }

    /// <inheritdoc />
    public override Uri ConnectUri(Uri endpoint, IReadOnlyList<string> symbols) =>
        new(endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/') + StreamPath(symbols));

    /// <inheritdoc />
    public override IReadOnlyList<string> SubscribeMessages(IReadOnlyList<string> symbols)
    {
        ExchangeSymbols(symbols);
        return [];
    }

    /// <inheritdoc />
    protected override FeedMessage ParseFrame(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        WireJson.Expect(ref reader, JsonTokenType.StartObject, "the frame");
        var outer = new Fields();
        var inner = new Fields();
        ReadOnlySpan<byte> stream = default;
        var combined = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("stream"u8))
            {
                stream = WireJson.String(ref reader, "stream");
            }
            else if (reader.ValueTextEquals("data"u8))
            {
                WireJson.Expect(ref reader, JsonTokenType.StartObject, "data");
                combined = true;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    inner.Read(ref reader);
                }
            }
            else
            {
                outer.Read(ref reader);
            }
        }

        WireJson.ExpectEnd(ref reader);
        if (combined)
        {
            return Event(inner, utf8, stream);
        }

        if (outer.HasReply)
        {
            return outer.Error >= 0 ? new ExchangeError(WireJson.RawValue(utf8, outer.Error))
                : !outer.Message.IsEmpty ? new ExchangeError($"{WireJson.Text(outer.Code)} {WireJson.Text(outer.Message)}")
                : new SubscriptionAcknowledged($"id {WireJson.Text(outer.Id)}");
        }

        return Event(outer, utf8, default);
    }

    private FeedMessage Event(in Fields fields, ReadOnlySpan<byte> utf8, ReadOnlySpan<byte> stream)
    {
        if (fields.EventType.SequenceEqual("trade"u8))
        {
            if (fields.Symbol.IsEmpty || fields.TradeId.IsEmpty || fields.Price.IsEmpty || fields.Quantity.IsEmpty || fields.TradeTime.IsEmpty || fields.BuyerIsMaker is null)
            {
                throw new WireFormatException("a trade lacks s, t, p, q, T or m");
            }

            var trade = new TradeTick(
                Instruments.Get(fields.Symbol),
                WireValues.Milliseconds(fields.TradeTime),
                WireValues.Price(fields.Price),
                WireValues.Size(fields.Quantity),
                fields.BuyerIsMaker.Value ? Side.Sell : Side.Buy,
                WireValues.TradeId(fields.TradeId));
            return new TradesReceived([trade], false);
        }

        if (!fields.EventType.IsEmpty)
        {
            return new Ignored(WireJson.Text(fields.EventType));
        }

        // Book tickers carry no event type: the stream name (or, raw, the update id) identifies them.
        var at = stream.IndexOf((byte)'@');
        return at >= 0 ? new Ignored(WireJson.Text(stream[(at + 1)..]))
            : fields.HasUpdateId ? new Ignored("bookTicker")
            : new Malformed("no event type", WireJson.Sample(utf8));
    }

    /// <summary>The fields of one event or reply object; names are case-sensitive (<c>t</c> is the id, <c>T</c> the time).</summary>
    private ref struct Fields
    {
        public ReadOnlySpan<byte> EventType;
        public ReadOnlySpan<byte> Symbol;
        public ReadOnlySpan<byte> TradeId;
        public ReadOnlySpan<byte> Price;
        public ReadOnlySpan<byte> Quantity;
        public ReadOnlySpan<byte> TradeTime;
        public bool? BuyerIsMaker;
        public bool HasUpdateId;
        public bool HasReply;
        public ReadOnlySpan<byte> Id;
        public ReadOnlySpan<byte> Code;
        public ReadOnlySpan<byte> Message;
        public int Error;

        public Fields()
        {
            Error = -1;
        }

        /// <summary>Reads the property the reader is on, keeping the fields this adapter uses.</summary>
        public void Read(ref Utf8JsonReader reader)
        {
            if (reader.ValueTextEquals("e"u8))
            {
                EventType = WireJson.String(ref reader, "e");
            }
            else if (reader.ValueTextEquals("s"u8))
            {
                Symbol = WireJson.String(ref reader, "s");
            }
            else if (reader.ValueTextEquals("t"u8))
            {
                TradeId = WireJson.Scalar(ref reader, "t");
            }
            else if (reader.ValueTextEquals("p"u8))
            {
                Price = WireJson.Scalar(ref reader, "p");
            }
            else if (reader.ValueTextEquals("q"u8))
            {
                Quantity = WireJson.Scalar(ref reader, "q");
            }
            else if (reader.ValueTextEquals("T"u8))
            {
                TradeTime = WireJson.Scalar(ref reader, "T");
            }
            else if (reader.ValueTextEquals("m"u8))
            {
                BuyerIsMaker = WireJson.Boolean(ref reader, "m");
            }
            else if (reader.ValueTextEquals("u"u8))
            {
                HasUpdateId = true;
                reader.Skip();
            }
            else if (reader.ValueTextEquals("result"u8) || reader.ValueTextEquals("id"u8))
            {
                HasReply = true;
                var isId = reader.ValueTextEquals("id"u8);
                reader.Read();
                Id = isId && reader.TokenType is JsonTokenType.Number or JsonTokenType.String ? WireJson.Current(ref reader) : Id;
                reader.Skip();
            }
            else if (reader.ValueTextEquals("error"u8))
            {
                HasReply = true;
                Error = WireJson.SkipValue(ref reader);
            }
            else if (reader.ValueTextEquals("code"u8))
            {
                HasReply = true;
                Code = WireJson.Scalar(ref reader, "code");
            }
            else if (reader.ValueTextEquals("msg"u8))
            {
                HasReply = true;
                Message = WireJson.Scalar(ref reader, "msg");
            }
            else
            {
                reader.Skip();
            }
        }
    }
}
