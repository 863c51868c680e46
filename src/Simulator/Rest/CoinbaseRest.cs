using System.Text.Json;
using ActorArb.Domain.Market;
using ActorArb.Simulator.Market;
using ActorArb.Simulator.Wire;
using Microsoft.AspNetCore.Http;

namespace ActorArb.Simulator.Rest;

/// <summary>
/// Coinbase's public REST: Exchange <c>/products/{id}/trades</c> (newest first; <c>after</c> pages to older trades,
/// <c>before</c> to newer, by trade id; <c>CB-BEFORE</c>/<c>CB-AFTER</c> carry the page's newest and oldest ids) and
/// <c>/products/{id}/candles</c> (<c>[time, low, high, open, close, volume]</c>, newest first, at most 300 intervals in
/// [start, end], idle intervals left out); Advanced Trade <c>/api/v3/brokerage/market/products/{id}/candles</c> and
/// <c>…/ticker</c> (market trades). Trade sides are the maker's, as Coinbase reports them.
/// </summary>
internal static class CoinbaseRest
{
    private const int MaxTrades = 1000;
    private const int MaxExchangeCandles = 300;
    private const int MaxAdvancedCandles = 350;

    private static readonly Dictionary<string, long> AdvancedGranularities = new(StringComparer.Ordinal)
    {
        ["ONE_MINUTE"] = 60, ["FIVE_MINUTE"] = 300, ["FIFTEEN_MINUTE"] = 900, ["THIRTY_MINUTE"] = 1800,
        ["ONE_HOUR"] = 3600, ["TWO_HOUR"] = 7200, ["FOUR_HOUR"] = 14400, ["SIX_HOUR"] = 21600, ["ONE_DAY"] = 86400,
    };

    private static readonly long[] ExchangeGranularities = [60, 300, 900, 3600, 21600, 86400];

    public static RestReply Handle(SimulatorState state, string[] path, IQueryCollection query) => path switch
    {
        ["products", var id, "trades"] => WithFeed(state, id, feed => Trades(feed, query)),
        ["products", var id, "candles"] => WithFeed(state, id, feed => ExchangeCandles(state, feed, query)),
        ["api", "v3", "brokerage", "market", "products", var id, "candles"] => WithFeed(state, id, feed => AdvancedCandles(state, feed, query)),
        ["api", "v3", "brokerage", "market", "products", var id, "ticker"] => WithFeed(state, id, feed => MarketTrades(feed, query)),
        _ => Message(404, "NotFound"),
    };

    public static RestReply RateLimited(TimeSpan retryAfter) =>
        RestReply.Json(429, json => WriteMessage(json, "Public rate limit exceeded"), RestRouter.RetryAfter(retryAfter));

    private static RestReply WithFeed(SimulatorState state, string product, Func<FeedState, RestReply> answer) =>
        state.Find(SimulatorFlavours.CoinbaseVenue, product) is { } feed ? answer(feed) : Message(404, "NotFound");

    private static RestReply Trades(FeedState feed, IQueryCollection query)
    {
        if (!Query.TryLimit(query, "limit", MaxTrades, MaxTrades, out var limit)
            || !Query.TryLong(query, "after", out var after)
            || !Query.TryLong(query, "before", out var before)
            || (after is not null && before is not null))
        {
            return Message(400, "Invalid limit, after or before");
        }

        var view = feed.History;
        int start, end;
        if (after is { } older)
        {
            end = view.FirstWithIdAtLeast(older);
            start = Math.Max(0, end - limit);
        }
        else if (before is { } newer)
        {
            start = view.FirstWithIdAbove(newer);
            end = Math.Min(view.Count, start + limit);
        }
        else
        {
            end = view.Count;
            start = Math.Max(0, end - limit);
        }

        var page = view.Slice(start, end - start).ToArray();
        var headers = page.Length == 0 ? [] : new[]
        {
            KeyValuePair.Create("CB-BEFORE", WireText.Integer(page[^1].Id)),
            KeyValuePair.Create("CB-AFTER", WireText.Integer(page[0].Id)),
        };
        return RestReply.Json(200, json =>
        {
            json.WriteStartArray();
            for (var i = page.Length - 1; i >= 0; i--)
            {
                json.WriteStartObject();
                json.WriteString("time", WireText.IsoMicros(page[i].TimeMs));
                json.WriteNumber("trade_id", page[i].Id);
                json.WriteString("price", WireText.Price(page[i].Price));
                json.WriteString("size", WireText.Decimal(page[i].Size));
                json.WriteString("side", page[i].MakerSide == Side.Buy ? "buy" : "sell");
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }, headers);
    }

    private static RestReply ExchangeCandles(SimulatorState state, FeedState feed, IQueryCollection query)
    {
        if (!Query.TryLong(query, "granularity", out var granularity) || granularity is not { } seconds || !ExchangeGranularities.Contains(seconds))
        {
            return Message(400, "Unsupported granularity");
        }

        if (!Query.TryTime(query, "start", out var start) || !Query.TryTime(query, "end", out var end))
        {
            return Message(400, "Invalid start or end");
        }

        if (Window(state, seconds * 1000, start, end, MaxExchangeCandles) is not { } window)
        {
            return Message(400, $"granularity too small for the requested time range. Count of aggregations requested exceeds {MaxExchangeCandles}");
        }

        var bars = Bars.Build(feed.History, seconds * 1000, window.From, window.To, fill: false);
        return RestReply.Json(200, json =>
        {
            json.WriteStartArray();
            for (var i = bars.Count - 1; i >= 0; i--)
            {
                var bar = bars[i];
                json.WriteStartArray();
                json.WriteNumberValue(bar.OpenMs / 1000);
                json.WriteRawNumberValue(WireText.Price(bar.Low));
                json.WriteRawNumberValue(WireText.Price(bar.High));
                json.WriteRawNumberValue(WireText.Price(bar.Open));
                json.WriteRawNumberValue(WireText.Price(bar.Close));
                json.WriteRawNumberValue(WireText.Decimal(bar.Volume));
                json.WriteEndArray();
            }

            json.WriteEndArray();
        });
    }

    private static RestReply AdvancedCandles(SimulatorState state, FeedState feed, IQueryCollection query)
    {
        if (Query.Text(query, "granularity") is not { } name || !AdvancedGranularities.TryGetValue(name, out var seconds)
            || !Query.TryTime(query, "start", out var start) || !Query.TryTime(query, "end", out var end)
            || !Query.TryLimit(query, "limit", MaxAdvancedCandles, MaxAdvancedCandles, out var limit))
        {
            return AdvancedError("invalid granularity, start, end or limit");
        }

        if (Window(state, seconds * 1000, start, end, limit) is not { } window)
        {
            return AdvancedError($"number of candles requested should be less than {MaxAdvancedCandles}");
        }

        var bars = Bars.Build(feed.History, seconds * 1000, window.From, window.To, fill: false);
        return RestReply.Json(200, json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("candles");
            for (var i = bars.Count - 1; i >= 0; i--)
            {
                var bar = bars[i];
                json.WriteStartObject();
                json.WriteString("start", WireText.Integer(bar.OpenMs / 1000));
                json.WriteString("low", WireText.Price(bar.Low));
                json.WriteString("high", WireText.Price(bar.High));
                json.WriteString("open", WireText.Price(bar.Open));
                json.WriteString("close", WireText.Price(bar.Close));
                json.WriteString("volume", WireText.Decimal(bar.Volume));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private static RestReply MarketTrades(FeedState feed, IQueryCollection query)
    {
        if (!Query.TryLimit(query, "limit", 100, MaxTrades, out var limit)
            || !Query.TryTime(query, "start", out var start) || !Query.TryTime(query, "end", out var end))
        {
            return AdvancedError("invalid limit, start or end");
        }

        var view = feed.History;
        var last = end is { } endMs ? view.FirstAtOrAfterMs(endMs) : view.Count;
        var first = Math.Max(start is { } startMs ? view.FirstAtOrAfterMs(startMs) : 0, last - limit);
        var page = view.Slice(first, last - first).ToArray();
        var product = SymbolNames.Coinbase(feed.Instrument.Symbol);
        return RestReply.Json(200, json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("trades");
            for (var i = page.Length - 1; i >= 0; i--)
            {
                json.WriteStartObject();
                json.WriteString("trade_id", WireText.Integer(page[i].Id));
                json.WriteString("product_id", product);
                json.WriteString("price", WireText.Price(page[i].Price));
                json.WriteString("size", WireText.Decimal(page[i].Size));
                json.WriteString("time", WireText.IsoNanosTrimmed(page[i].TimeMs));
                json.WriteString("side", page[i].MakerSide == Side.Buy ? "BUY" : "SELL");
                json.WriteString("bid", string.Empty);
                json.WriteString("ask", string.Empty);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteString("best_bid", string.Empty);
            json.WriteString("best_ask", string.Empty);
            json.WriteEndObject();
        });
    }

    /// <summary>
    /// Returns the bar open times to serve: [start, end] when both are given, else the most recent
    /// <paramref name="max"/> intervals up to the market clock; null when [start, end] spans more than <paramref name="max"/>.
    /// </summary>
    private static (long From, long To)? Window(SimulatorState state, long intervalMs, long? start, long? end, int max)
    {
        var timeframe = new Timeframe(intervalMs);
        var latest = timeframe.Floor(state.NowMs);
        if (start is { } from && end is { } to)
        {
            var first = timeframe.Floor(from + intervalMs - 1);
            var last = Math.Min(timeframe.Floor(to), latest);
            return (timeframe.Floor(to) - first) / intervalMs + 1 > max ? null : (first, last);
        }

        return (latest - ((max - 1) * intervalMs), latest);
    }

    private static RestReply Message(int status, string message) => RestReply.Json(status, json => WriteMessage(json, message));

    private static void WriteMessage(Utf8JsonWriter json, string message)
    {
        json.WriteStartObject();
        json.WriteString("message", message);
        json.WriteEndObject();
    }

    private static RestReply AdvancedError(string details) => RestReply.Json(400, json =>
    {
        json.WriteStartObject();
        json.WriteString("error", "INVALID_ARGUMENT");
        json.WriteString("error_details", details);
        json.WriteString("message", details);
        json.WriteEndObject();
    });
}
