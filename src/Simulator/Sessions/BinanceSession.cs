using System.Text.Json;
using ActorArb.Domain.Market;
using ActorArb.Simulator.Market;
using ActorArb.Simulator.Wire;

namespace ActorArb.Simulator.Sessions;

/// <summary>
/// Binance spot streams (<c>wss://stream.binance.com:9443</c>): raw <c>/ws/&lt;stream&gt;</c> sends each trade event
/// alone, combined <c>/stream?streams=a@trade/b@trade</c> wraps it as <c>{"stream":…,"data":…}</c>; streams come from
/// the URL or from <c>{"method":"SUBSCRIBE","params":[…],"id":n}</c> (answered <c>{"result":null,"id":n}</c>).
/// One message per trade; its event time <c>E</c> is the trade's time (recorded ones come a millisecond later).
/// Binance has no application heartbeat: the server sends protocol ping frames instead. Streams other than
/// <c>@trade</c>, or of unknown symbols, are accepted and stay silent, as on Binance.
/// </summary>
internal sealed class BinanceSession(SimulatorState state, bool combined, IReadOnlyList<string> urlStreams)
    : WireSession(state, SimulatorFlavours.Binance)
{
    private readonly List<string> streams = [];
    private readonly Dictionary<FeedState, string> streamOf = [];

    // Numbers the unknown-type messages, so two in a row never look like a duplicate.
    private long unknownMessages;

    protected override void OnOpen()
    {
        foreach (var stream in urlStreams)
        {
            Add(stream);
        }
    }

    protected override void OnClientText(string text)
    {
        using var document = TryParse(text);
        var root = document?.RootElement ?? default;
        var method = String(root, "method");
        var id = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("id", out var given) ? given.GetRawText() : "null";
        var json = Json.Start();
        json.WriteStartObject();
        switch (method)
        {
            case "SUBSCRIBE" or "UNSUBSCRIBE":
                foreach (var stream in Strings(root, "params"))
                {
                    if (method == "SUBSCRIBE")
                    {
                        Add(stream);
                    }
                    else
                    {
                        Remove(stream);
                    }
                }

                json.WriteNull("result");
                break;
            case "LIST_SUBSCRIPTIONS":
                json.WriteStrings("result", streams);
                break;
            default:
                json.WriteStartObject("error");
                json.WriteNumber("code", document is null ? 3 : 2);
                json.WriteString("msg", document is null ? "Invalid JSON" : $"Invalid request: unknown method {method}");
                json.WriteEndObject();
                break;
        }

        json.WritePropertyName("id");
        json.WriteRawValue(id, skipInputValidation: true);
        json.WriteEndObject();
        Emit(Json.Finish(), FrameKind.Control);
    }

    protected override void OnTrades(FeedState feed, PublishedTrade[] trades)
    {
        var stream = streamOf[feed];
        var symbol = SymbolNames.Binance(feed.Instrument.Symbol);
        foreach (var trade in trades)
        {
            var json = Json.Start();
            if (combined)
            {
                json.WriteStartObject();
                json.WriteString("stream", stream);
                json.WritePropertyName("data");
            }

            json.WriteStartObject();
            json.WriteString("e", "trade");
            json.WriteNumber("E", trade.TimeMs);
            json.WriteString("s", symbol);
            json.WriteNumber("t", trade.Id);
            json.WriteString("p", WireText.Price(trade.Price, 8));
            json.WriteString("q", WireText.Decimal(trade.Size, 8));
            json.WriteNumber("T", trade.TimeMs);
            json.WriteBoolean("m", trade.Aggressor == Side.Sell);
            json.WriteBoolean("M", true);
            json.WriteEndObject();
            if (combined)
            {
                json.WriteEndObject();
            }

            EmitTrades(Json.Finish(), feed, trade.Ordinal, trade.Ordinal);
        }
    }

    protected override byte[] UnknownTypeMessage()
    {
        var json = Json.Start();
        json.WriteStartObject();
        json.WriteString("e", "simulatorUnknown");
        json.WriteNumber("E", ++unknownMessages);
        json.WriteEndObject();
        return Json.Finish();
    }

    private void Add(string stream)
    {
        stream = stream.ToLowerInvariant();
        if (streams.Contains(stream))
        {
            return;
        }

        streams.Add(stream);
        if (Feed(stream) is { } feed && !IsSubscribed(feed))
        {
            streamOf[feed] = stream;
            Subscribe(feed);
        }
    }

    private void Remove(string stream)
    {
        stream = stream.ToLowerInvariant();
        streams.Remove(stream);
        if (Feed(stream) is { } feed)
        {
            streamOf.Remove(feed);
            Unsubscribe(feed);
        }
    }

    /// <summary>Returns the feed a <c>&lt;symbol&gt;@trade</c> stream names, or null for other streams and unknown symbols.</summary>
    private FeedState? Feed(string stream) =>
        stream.EndsWith("@trade", StringComparison.Ordinal) ? State.Find(SimulatorFlavours.BinanceVenue, stream[..^"@trade".Length]) : null;
}
