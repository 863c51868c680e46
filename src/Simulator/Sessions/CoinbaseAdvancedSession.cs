using System.Text.Json;
using ActorArb.Simulator.Market;
using ActorArb.Simulator.Wire;

namespace ActorArb.Simulator.Sessions;

/// <summary>
/// Coinbase Advanced Trade (<c>wss://advanced-trade-ws.coinbase.com</c>): <c>{"type":"subscribe","product_ids":[…],
/// "channel":"market_trades"}</c> answers with one <c>snapshot</c> event per product (the 100 most recent trades,
/// newest first) and then a <c>subscriptions</c> message listing everything the connection follows, as the recorded
/// session does; updates carry trades newest first; the <c>heartbeats</c> channel ticks every interval. Every message
/// has the connection's next <c>sequence_num</c>. <c>side</c> is the maker's side, as on Coinbase. Other channels
/// (ticker, level2, candles …) are acknowledged but carry nothing.
/// </summary>
internal sealed class CoinbaseAdvancedSession(SimulatorState state) : WireSession(state, SimulatorFlavours.CoinbaseAdvanced)
{
    private const int SnapshotSize = 100;
    private const int MaxTradesPerUpdate = 100;
    private const string Trades = "market_trades";
    private const string Heartbeats = "heartbeats";

    private readonly SortedDictionary<string, List<string>> channels = new(StringComparer.Ordinal);
    private long sequence;

    protected override void OnClientText(string text)
    {
        using var document = TryParse(text);
        var root = document?.RootElement ?? default;
        var type = String(root, "type");
        var channel = String(root, "channel");
        if (type is not ("subscribe" or "unsubscribe") || channel is null)
        {
            Error(document is null ? "failure to parse message" : "message must have a type of subscribe or unsubscribe and a channel");
            return;
        }

        var products = channel == Heartbeats ? new List<string> { Heartbeats } : Strings(root, "product_ids");
        foreach (var product in products)
        {
            var feed = channel == Trades ? State.Find(SimulatorFlavours.CoinbaseVenue, product) : null;
            if (channel == Trades && feed is null)
            {
                Error($"failure to subscribe: unknown product_id {product}");
                continue;
            }

            if (type == "subscribe")
            {
                Add(channel, product, feed);
            }
            else
            {
                Remove(channel, product, feed);
            }
        }

        Acknowledge();
    }

    protected override void OnTrades(FeedState feed, PublishedTrade[] trades)
    {
        for (var start = 0; start < trades.Length; start += MaxTradesPerUpdate)
        {
            var chunk = trades.AsSpan(start, Math.Min(MaxTradesPerUpdate, trades.Length - start));
            EmitTrades(TradesMessage("update", feed, chunk), feed, chunk[0].Ordinal, chunk[^1].Ordinal);
        }
    }

    protected override void OnHeartbeat()
    {
        if (!channels.ContainsKey(Heartbeats))
        {
            return;
        }

        var uptime = State.Uptime;
        var json = Envelope(Heartbeats);
        json.WriteStartObject();
        json.WriteString("current_time", WireText.GoTime(State.NowMs, uptime));
        json.WriteNumber("heartbeat_counter", (long)uptime.TotalSeconds);
        json.WriteEndObject();
        Emit(EndEnvelope(json), FrameKind.Heartbeat);
    }

    protected override byte[] UnknownTypeMessage()
    {
        var json = Envelope("simulator_unknown_channel");
        return EndEnvelope(json);
    }

    private void Add(string channel, string product, FeedState? feed)
    {
        if (!channels.TryGetValue(channel, out var list))
        {
            channels[channel] = list = [];
        }

        if (!list.Contains(product))
        {
            list.Add(product);
        }

        if (feed is not null && !IsSubscribed(feed))
        {
            var view = Subscribe(feed);
            Emit(TradesMessage("snapshot", feed, view.Slice(view.Count - SnapshotSize, SnapshotSize)), FrameKind.Snapshot);
        }
    }

    private void Remove(string channel, string product, FeedState? feed)
    {
        if (channels.TryGetValue(channel, out var list) && list.Remove(product) && list.Count == 0)
        {
            channels.Remove(channel);
        }

        if (feed is not null)
        {
            Unsubscribe(feed);
        }
    }

    private void Acknowledge()
    {
        var json = Envelope("subscriptions");
        json.WriteStartObject();
        json.WriteStartObject("subscriptions");
        foreach (var (channel, products) in channels)
        {
            json.WriteStrings(channel, products);
        }

        json.WriteEndObject();
        json.WriteEndObject();
        Emit(EndEnvelope(json), FrameKind.Control);
    }

    /// <summary>Writes one event of <paramref name="trades"/> (given oldest first) listed newest first, as Coinbase sends them.</summary>
    private byte[] TradesMessage(string eventType, FeedState feed, ReadOnlySpan<PublishedTrade> trades)
    {
        var product = SymbolNames.Coinbase(feed.Instrument.Symbol);
        var json = Envelope(Trades, trades.IsEmpty ? null : trades[^1].TimeMs);
        json.WriteStartObject();
        json.WriteString("type", eventType);
        json.WriteStartArray("trades");
        for (var i = trades.Length - 1; i >= 0; i--)
        {
            ref readonly var trade = ref trades[i];
            json.WriteStartObject();
            json.WriteString("product_id", product);
            json.WriteString("trade_id", WireText.Integer(trade.Id));
            json.WriteString("price", WireText.Price(trade.Price));
            json.WriteString("size", WireText.Decimal(trade.Size));
            json.WriteString("time", WireText.IsoNanosTrimmed(trade.TimeMs));
            json.WriteString("side", trade.MakerSide == Domain.Market.Side.Buy ? "BUY" : "SELL");
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        return EndEnvelope(json);
    }

    private void Error(string message)
    {
        var json = Json.Start();
        json.WriteStartObject();
        json.WriteString("type", "error");
        json.WriteString("message", message);
        json.WriteEndObject();
        Emit(Json.Finish(), FrameKind.Control);
    }

    /// <summary>Starts a message; trade messages are stamped with their newest trade's time, others with the market clock.</summary>
    private Utf8JsonWriter Envelope(string channel, long? timeMs = null)
    {
        var json = Json.Start();
        json.WriteStartObject();
        json.WriteString("channel", channel);
        json.WriteString("timestamp", WireText.IsoNanosTrimmed(timeMs ?? State.NowMs));
        json.WriteNumber("sequence_num", sequence++);
        json.WriteStartArray("events");
        return json;
    }

    private byte[] EndEnvelope(Utf8JsonWriter json)
    {
        json.WriteEndArray();
        json.WriteEndObject();
        return Json.Finish();
    }
}
