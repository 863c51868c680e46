using System.Text.Json;
using ActorArb.Domain.Market;
using ActorArb.Simulator.Market;
using ActorArb.Simulator.Wire;

namespace ActorArb.Simulator.Sessions;

/// <summary>
/// Coinbase Exchange (<c>wss://ws-feed.exchange.coinbase.com</c>): <c>{"type":"subscribe","product_ids":[…],
/// "channels":["matches", {"name":"heartbeat","product_ids":[…]}]}</c> answers with a <c>subscriptions</c> message, then
/// one <c>last_match</c> per newly matched product that has traded; each trade is a <c>match</c> whose <c>side</c> is
/// the maker's; <c>heartbeat</c> ticks per product with the last trade id. <c>sequence</c> is three times the trade's
/// position in its feed: the real sequence also counts order-book events, so matches alone are never contiguous.
/// </summary>
internal sealed class CoinbaseExchangeSession(SimulatorState state) : WireSession(state, SimulatorFlavours.CoinbaseExchange)
{
    private const string Matches = "matches";
    private const string Heartbeat = "heartbeat";

    private readonly List<(string Name, List<string> Products)> channels = [];

    // Numbers the unknown-type messages, so two in a row never look like a duplicate.
    private long unknownMessages;

    protected override void OnClientText(string text)
    {
        using var document = TryParse(text);
        var root = document?.RootElement ?? default;
        var type = String(root, "type");
        if (type is not ("subscribe" or "unsubscribe") || !root.TryGetProperty("channels", out var requested) || requested.ValueKind != JsonValueKind.Array)
        {
            Error("Failed to subscribe", document is null ? "Malformed JSON" : "Type and channels are required");
            return;
        }

        var topProducts = Strings(root, "product_ids");
        var lastMatches = new List<FeedState>();
        foreach (var item in requested.EnumerateArray())
        {
            var name = item.ValueKind == JsonValueKind.String ? item.GetString()! : String(item, "name");
            var products = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("product_ids", out _) ? Strings(item, "product_ids") : topProducts;
            if (name is null || products.Count == 0)
            {
                Error("Failed to subscribe", name is null ? "Channel name is required" : $"No product ids provided for {name}");
                continue;
            }

            foreach (var product in products)
            {
                var feed = State.Find(SimulatorFlavours.CoinbaseVenue, product);
                if (feed is null)
                {
                    Error("Failed to subscribe", $"{product} is not a valid product");
                }
                else if (type == "subscribe")
                {
                    Add(name, product, feed, lastMatches);
                }
                else
                {
                    Remove(name, product, feed);
                }
            }
        }

        Acknowledge();
        foreach (var feed in lastMatches)
        {
            var view = feed.History;
            if (view.Count > 0)
            {
                Emit(Match("last_match", feed, view[view.Count - 1]), FrameKind.Snapshot);
            }
        }
    }

    protected override void OnTrades(FeedState feed, PublishedTrade[] trades)
    {
        foreach (var trade in trades)
        {
            EmitTrades(Match("match", feed, trade), feed, trade.Ordinal, trade.Ordinal);
        }
    }

    protected override void OnHeartbeat()
    {
        var index = channels.FindIndex(c => c.Name == Heartbeat);
        foreach (var product in index < 0 ? [] : channels[index].Products)
        {
            var feed = State.Find(SimulatorFlavours.CoinbaseVenue, product)!;
            var view = feed.History;
            var last = view.Count > 0 ? view[view.Count - 1] : default;
            var json = Json.Start();
            json.WriteStartObject();
            json.WriteString("type", Heartbeat);
            json.WriteNumber("sequence", last.Ordinal * 3);
            json.WriteNumber("last_trade_id", last.Id);
            json.WriteString("product_id", product);
            json.WriteString("time", WireText.IsoMicros(State.NowMs));
            json.WriteEndObject();
            Emit(Json.Finish(), FrameKind.Heartbeat);
        }
    }

    protected override byte[] UnknownTypeMessage()
    {
        var json = Json.Start();
        json.WriteStartObject();
        json.WriteString("type", "simulator_unknown");
        json.WriteNumber("sequence", ++unknownMessages);
        json.WriteEndObject();
        return Json.Finish();
    }

    private void Add(string name, string product, FeedState feed, List<FeedState> lastMatches)
    {
        var index = channels.FindIndex(c => c.Name == name);
        if (index < 0)
        {
            channels.Add((name, []));
            index = channels.Count - 1;
        }

        if (!channels[index].Products.Contains(product))
        {
            channels[index].Products.Add(product);
        }

        if (name == Matches && !IsSubscribed(feed))
        {
            Subscribe(feed);
            lastMatches.Add(feed);
        }
    }

    private void Remove(string name, string product, FeedState feed)
    {
        var index = channels.FindIndex(c => c.Name == name);
        if (index >= 0 && channels[index].Products.Remove(product) && channels[index].Products.Count == 0)
        {
            channels.RemoveAt(index);
        }

        if (name == Matches)
        {
            Unsubscribe(feed);
        }
    }

    private void Acknowledge()
    {
        var json = Json.Start();
        json.WriteStartObject();
        json.WriteString("type", "subscriptions");
        json.WriteStartArray("channels");
        foreach (var (name, products) in channels)
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteStrings("product_ids", products);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        Emit(Json.Finish(), FrameKind.Control);
    }

    private byte[] Match(string type, FeedState feed, in PublishedTrade trade)
    {
        var json = Json.Start();
        json.WriteStartObject();
        json.WriteString("type", type);
        json.WriteNumber("trade_id", trade.Id);
        json.WriteString("maker_order_id", OrderIds.For(feed.Index, trade.Id, 0));
        json.WriteString("taker_order_id", OrderIds.For(feed.Index, trade.Id, 1));
        json.WriteString("side", trade.MakerSide == Side.Buy ? "buy" : "sell");
        json.WriteString("size", WireText.Decimal(trade.Size));
        json.WriteString("price", WireText.Price(trade.Price));
        json.WriteString("product_id", SymbolNames.Coinbase(feed.Instrument.Symbol));
        json.WriteNumber("sequence", trade.Ordinal * 3);
        json.WriteString("time", WireText.IsoMicros(trade.TimeMs));
        json.WriteEndObject();
        return Json.Finish();
    }

    private void Error(string message, string reason)
    {
        var json = Json.Start();
        json.WriteStartObject();
        json.WriteString("type", "error");
        json.WriteString("message", message);
        json.WriteString("reason", reason);
        json.WriteEndObject();
        Emit(Json.Finish(), FrameKind.Control);
    }
}
