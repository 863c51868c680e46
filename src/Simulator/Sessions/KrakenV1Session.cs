using System.Text.Json;
using ActorArb.Domain.Market;
using ActorArb.Simulator.Market;
using ActorArb.Simulator.Wire;

namespace ActorArb.Simulator.Sessions;

/// <summary>
/// Kraken WebSocket v1 (<c>wss://ws.kraken.com</c>): a <c>systemStatus</c> on connect; <c>{"event":"subscribe",
/// "pair":["XBT/USD"],"subscription":{"name":"trade"}}</c> answers one <c>subscriptionStatus</c> per pair (no snapshot:
/// v1 has none for trades); trades arrive as arrays <c>[channelID,[[price,volume,time,side,orderType,misc],…],"trade",
/// pair]</c>, oldest first, without trade ids, under the pair name the client used; <c>{"event":"heartbeat"}</c> ticks
/// once anything is subscribed; <c>ping</c> gets <c>pong</c>.
/// </summary>
internal sealed class KrakenV1Session(SimulatorState state) : WireSession(state, SimulatorFlavours.KrakenV1)
{
    private const int MaxTradesPerUpdate = 100;

    private readonly Dictionary<FeedState, string> pairs = [];

    protected override void OnOpen()
    {
        var json = Json.Start();
        json.WriteStartObject();
        json.WriteRawNumber("connectionID", ConnectionIds.Next(State, Ordinal));
        json.WriteString("event", "systemStatus");
        json.WriteString("status", "online");
        json.WriteString("version", "1.9.0");
        json.WriteEndObject();
        Emit(Json.Finish(), FrameKind.Control);
    }

    protected override void OnClientText(string text)
    {
        using var document = TryParse(text);
        var root = document?.RootElement ?? default;
        var name = String(root, "event");
        var requestId = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("reqid", out var id) ? id.GetRawText() : null;
        if (name == "ping")
        {
            var json = Json.Start();
            json.WriteStartObject();
            json.WriteString("event", "pong");
            WriteRequestId(json, requestId);
            json.WriteEndObject();
            Emit(Json.Finish(), FrameKind.Control);
            return;
        }

        var subscription = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("subscription", out var s) ? String(s, "name") : null;
        if (name is not ("subscribe" or "unsubscribe") || subscription != "trade")
        {
            var json = Json.Start();
            json.WriteStartObject();
            json.WriteString("errorMessage", document is null ? "Malformed request" : $"Unsupported event or subscription: {name} {subscription}");
            json.WriteString("event", "error");
            WriteRequestId(json, requestId);
            json.WriteEndObject();
            Emit(Json.Finish(), FrameKind.Control);
            return;
        }

        foreach (var pair in Strings(root, "pair"))
        {
            var feed = State.Find(SimulatorFlavours.KrakenVenue, pair);
            var subscribing = name == "subscribe";
            string? error = feed is null ? $"Currency pair not supported {pair}"
                : subscribing == IsSubscribed(feed) ? (subscribing ? "Already subscribed" : "Subscription Not Found")
                : null;
            if (error is null)
            {
                if (subscribing)
                {
                    pairs[feed!] = pair;
                    Subscribe(feed!);
                }
                else
                {
                    pairs.Remove(feed!);
                    Unsubscribe(feed!);
                }
            }

            Status(feed, pair, subscribing ? "subscribed" : "unsubscribed", error, requestId);
        }
    }

    protected override void OnTrades(FeedState feed, PublishedTrade[] trades)
    {
        var pair = pairs[feed];
        for (var start = 0; start < trades.Length; start += MaxTradesPerUpdate)
        {
            var json = Json.Start();
            json.WriteStartArray();
            json.WriteNumberValue(ChannelId(feed));
            json.WriteStartArray();
            var chunk = trades.AsSpan(start, Math.Min(MaxTradesPerUpdate, trades.Length - start));
            foreach (ref readonly var trade in chunk)
            {
                json.WriteStartArray();
                json.WriteStringValue(WireText.Price(trade.Price, 5));
                json.WriteStringValue(WireText.Decimal(trade.Size, 8));
                json.WriteStringValue(WireText.UnixSecondsMicros(trade.TimeMs));
                json.WriteStringValue(trade.Aggressor == Side.Buy ? "b" : "s");
                json.WriteStringValue("m");
                json.WriteStringValue(string.Empty);
                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteStringValue("trade");
            json.WriteStringValue(pair);
            json.WriteEndArray();
            EmitTrades(Json.Finish(), feed, chunk[0].Ordinal, chunk[^1].Ordinal);
        }
    }

    protected override void OnHeartbeat()
    {
        if (pairs.Count > 0)
        {
            var json = Json.Start();
            json.WriteStartObject();
            json.WriteString("event", "heartbeat");
            json.WriteEndObject();
            Emit(Json.Finish(), FrameKind.Heartbeat);
        }
    }

    protected override byte[] UnknownTypeMessage()
    {
        var json = Json.Start();
        json.WriteStartObject();
        json.WriteString("event", "simulatorUnknown");
        json.WriteEndObject();
        return Json.Finish();
    }

    /// <summary>Returns the channel id of a feed's trade subscription (per feed and stable, like the recorded small integers).</summary>
    private static int ChannelId(FeedState feed) => 1000 + (feed.Index * 7);

    private void Status(FeedState? feed, string pair, string status, string? error, string? requestId)
    {
        var json = Json.Start();
        json.WriteStartObject();
        if (error is null)
        {
            json.WriteNumber("channelID", ChannelId(feed!));
            json.WriteString("channelName", "trade");
        }
        else
        {
            json.WriteString("errorMessage", error);
        }

        json.WriteString("event", "subscriptionStatus");
        json.WriteString("pair", pair);
        WriteRequestId(json, requestId);
        json.WriteString("status", error is null ? status : "error");
        json.WriteStartObject("subscription");
        json.WriteString("name", "trade");
        json.WriteEndObject();
        json.WriteEndObject();
        Emit(Json.Finish(), FrameKind.Control);
    }

    private static void WriteRequestId(Utf8JsonWriter json, string? requestId)
    {
        if (requestId is not null)
        {
            json.WritePropertyName("reqid");
            json.WriteRawValue(requestId, skipInputValidation: true);
        }
    }
}
