using System.Text.Json;
using ActorArb.Domain.Market;
using ActorArb.Simulator.Market;
using ActorArb.Simulator.Wire;

namespace ActorArb.Simulator.Sessions;

/// <summary>
/// Kraken WebSocket v2 (<c>wss://ws.kraken.com/v2</c>): a <c>status</c> message on connect; <c>{"method":"subscribe",
/// "params":{"channel":"trade","symbol":[…],"snapshot":true},"req_id":n}</c> answers one ack per symbol and then a
/// <c>snapshot</c> of the 50 most recent trades (oldest first); updates carry trades oldest first with numeric prices,
/// quantities and ids; <c>{"channel":"heartbeat"}</c> ticks once anything is subscribed; <c>ping</c> gets <c>pong</c>.
/// </summary>
internal sealed class KrakenV2Session(SimulatorState state) : WireSession(state, SimulatorFlavours.KrakenV2)
{
    private const int SnapshotSize = 50;
    private const int MaxTradesPerUpdate = 100;

    private bool heartbeats;

    protected override void OnOpen()
    {
        var json = Json.Start();
        json.WriteStartObject();
        json.WriteString("channel", "status");
        json.WriteStartArray("data");
        json.WriteStartObject();
        json.WriteString("api_version", "v2");
        json.WriteRawNumber("connection_id", ConnectionIds.Next(State, Ordinal));
        json.WriteString("system", "online");
        json.WriteString("version", "2.0.0");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteString("type", "update");
        json.WriteEndObject();
        Emit(Json.Finish(), FrameKind.Control);
    }

    protected override void OnClientText(string text)
    {
        using var document = TryParse(text);
        var root = document?.RootElement ?? default;
        var method = String(root, "method");
        var requestId = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("req_id", out var id) ? id.GetRawText() : null;
        var parameters = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("params", out var p) ? p : default;
        var channel = String(parameters, "channel");
        switch (method)
        {
            case "ping":
                Reply("pong", requestId, null);
                return;
            case "subscribe" or "unsubscribe" when channel == "heartbeat":
                heartbeats |= method == "subscribe";
                Reply(method, requestId, json => json.WriteString("channel", channel));
                return;
            case "subscribe" or "unsubscribe" when channel == "trade":
                var snapshot = !(parameters.TryGetProperty("snapshot", out var wanted) && wanted.ValueKind == JsonValueKind.False);
                foreach (var symbol in Strings(parameters, "symbol"))
                {
                    Trade(method, symbol, snapshot, requestId);
                }

                return;
            default:
                Failure(method ?? string.Empty, requestId, null, document is null ? "Malformed request" : $"Unsupported method or channel: {method} {channel}");
                return;
        }
    }

    protected override void OnTrades(FeedState feed, PublishedTrade[] trades)
    {
        for (var start = 0; start < trades.Length; start += MaxTradesPerUpdate)
        {
            var chunk = trades.AsSpan(start, Math.Min(MaxTradesPerUpdate, trades.Length - start));
            EmitTrades(TradeMessage("update", feed, chunk), feed, chunk[0].Ordinal, chunk[^1].Ordinal);
        }
    }

    protected override void OnHeartbeat()
    {
        if (heartbeats)
        {
            var json = Json.Start();
            json.WriteStartObject();
            json.WriteString("channel", "heartbeat");
            json.WriteEndObject();
            Emit(Json.Finish(), FrameKind.Heartbeat);
        }
    }

    protected override byte[] UnknownTypeMessage()
    {
        var json = Json.Start();
        json.WriteStartObject();
        json.WriteString("channel", "simulator_unknown");
        json.WriteString("type", "update");
        json.WriteStartArray("data");
        json.WriteEndArray();
        json.WriteEndObject();
        return Json.Finish();
    }

    private void Trade(string method, string symbol, bool snapshot, string? requestId)
    {
        var feed = State.Find(SimulatorFlavours.KrakenVenue, symbol);
        if (feed is null)
        {
            Failure(method, requestId, symbol, $"Currency pair not supported {symbol}");
            return;
        }

        var subscribing = method == "subscribe";
        if (subscribing == IsSubscribed(feed))
        {
            Failure(method, requestId, symbol, subscribing ? "Already subscribed" : "Subscription Not Found");
            return;
        }

        var view = subscribing ? Subscribe(feed) : default;
        if (!subscribing)
        {
            Unsubscribe(feed);
        }

        heartbeats |= subscribing;
        Reply(method, requestId, json =>
        {
            json.WriteString("channel", "trade");
            if (subscribing)
            {
                json.WriteBoolean("snapshot", snapshot);
            }

            json.WriteString("symbol", feed.Instrument.Symbol);
        });
        if (subscribing && snapshot)
        {
            Emit(TradeMessage("snapshot", feed, view.Slice(view.Count - SnapshotSize, SnapshotSize)), FrameKind.Snapshot);
        }
    }

    private byte[] TradeMessage(string type, FeedState feed, ReadOnlySpan<PublishedTrade> trades)
    {
        var json = Json.Start();
        json.WriteStartObject();
        json.WriteString("channel", "trade");
        json.WriteString("type", type);
        json.WriteStartArray("data");
        foreach (ref readonly var trade in trades)
        {
            json.WriteStartObject();
            json.WriteString("symbol", feed.Instrument.Symbol);
            json.WriteString("side", trade.Aggressor == Side.Buy ? "buy" : "sell");
            json.WriteRawNumber("price", WireText.Price(trade.Price));
            json.WriteRawNumber("qty", WireText.Decimal(trade.Size));
            json.WriteString("ord_type", "market");
            json.WriteNumber("trade_id", trade.Id);
            json.WriteString("timestamp", WireText.IsoMicros(trade.TimeMs));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        return Json.Finish();
    }

    private void Reply(string method, string? requestId, Action<Utf8JsonWriter>? result)
    {
        var json = Json.Start();
        json.WriteStartObject();
        json.WriteString("method", method);
        WriteRequestId(json, requestId);
        if (result is not null)
        {
            json.WriteStartObject("result");
            result(json);
            json.WriteEndObject();
            json.WriteBoolean("success", true);
        }

        WriteTimes(json);
        json.WriteEndObject();
        Emit(Json.Finish(), FrameKind.Control);
    }

    private void Failure(string method, string? requestId, string? symbol, string error)
    {
        var json = Json.Start();
        json.WriteStartObject();
        json.WriteString("error", error);
        json.WriteString("method", method);
        WriteRequestId(json, requestId);
        json.WriteBoolean("success", false);
        if (symbol is not null)
        {
            json.WriteString("symbol", symbol);
        }

        WriteTimes(json);
        json.WriteEndObject();
        Emit(Json.Finish(), FrameKind.Control);
    }

    private static void WriteRequestId(Utf8JsonWriter json, string? requestId)
    {
        if (requestId is not null)
        {
            json.WritePropertyName("req_id");
            json.WriteRawValue(requestId, skipInputValidation: true);
        }
    }

    private void WriteTimes(Utf8JsonWriter json)
    {
        var now = WireText.IsoMicros(State.NowMs);
        json.WriteString("time_in", now);
        json.WriteString("time_out", now);
    }
}
