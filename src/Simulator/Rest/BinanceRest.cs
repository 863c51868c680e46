using System.Text.Json;
using ActorArb.Domain.Market;
using ActorArb.Simulator.Market;
using ActorArb.Simulator.Wire;
using Microsoft.AspNetCore.Http;

namespace ActorArb.Simulator.Rest;

/// <summary>
/// Binance's public REST: <c>/api/v3/trades</c> (the most recent, oldest first), <c>/api/v3/historicalTrades</c>
/// (from <c>fromId</c> inclusive) and <c>/api/v3/klines</c> (12-element rows, idle intervals flat, bars overlapping
/// [startTime, endTime]); <c>limit</c> defaults to 500 and is at most 1000.
/// </summary>
internal static class BinanceRest
{
    private const int DefaultLimit = 500;
    private const int MaxLimit = 1000;

    private static readonly Dictionary<string, long> Intervals = new(StringComparer.Ordinal)
    {
        ["1s"] = 1_000, ["1m"] = 60_000, ["3m"] = 180_000, ["5m"] = 300_000, ["15m"] = 900_000, ["30m"] = 1_800_000,
        ["1h"] = 3_600_000, ["2h"] = 7_200_000, ["4h"] = 14_400_000, ["6h"] = 21_600_000, ["8h"] = 28_800_000,
        ["12h"] = 43_200_000, ["1d"] = 86_400_000, ["3d"] = 259_200_000, ["1w"] = 604_800_000,
    };

    public static RestReply Handle(SimulatorState state, string[] path, IQueryCollection query)
    {
        if (path is not ["api", "v3", var method and ("trades" or "historicalTrades" or "klines")])
        {
            return Error(404, -1, "Unknown endpoint.");
        }

        if (Query.Text(query, "symbol") is not { } symbol || state.Find(SimulatorFlavours.BinanceVenue, symbol) is not { } feed)
        {
            return Error(400, -1121, "Invalid symbol.");
        }

        if (!Query.TryLimit(query, "limit", DefaultLimit, MaxLimit, out var limit))
        {
            return Error(400, -1100, "Illegal characters found in parameter 'limit'; legal range is [1, 1000].");
        }

        return method switch
        {
            "trades" => Trades(feed.History, null, limit),
            "historicalTrades" => Query.TryLong(query, "fromId", out var fromId) ? Trades(feed.History, fromId, limit) : Error(400, -1100, "Illegal characters found in parameter 'fromId'."),
            _ => Klines(state, feed, query, limit),
        };
    }

    public static RestReply RateLimited(TimeSpan retryAfter) => RestReply.Json(
        429,
        json =>
        {
            json.WriteStartObject();
            json.WriteNumber("code", -1003);
            json.WriteString("msg", "Too many requests; current limit is exceeded. Please use the websocket for live updates to avoid polling the API.");
            json.WriteEndObject();
        },
        RestRouter.RetryAfter(retryAfter));

    private static RestReply Trades(HistoryView view, long? fromId, int limit)
    {
        var first = fromId is { } id ? view.FirstWithIdAtLeast(id) : Math.Max(0, view.Count - limit);
        var page = view.Slice(first, limit).ToArray();
        return RestReply.Json(200, json =>
        {
            json.WriteStartArray();
            foreach (var trade in page)
            {
                json.WriteStartObject();
                json.WriteNumber("id", trade.Id);
                json.WriteString("price", WireText.Price(trade.Price, 8));
                json.WriteString("qty", WireText.Decimal(trade.Size, 8));
                json.WriteString("quoteQty", WireText.Fixed(trade.Price.ToDecimal() * trade.Size, 8));
                json.WriteNumber("time", trade.TimeMs);
                json.WriteBoolean("isBuyerMaker", trade.Aggressor == Side.Sell);
                json.WriteBoolean("isBestMatch", true);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        });
    }

    private static RestReply Klines(SimulatorState state, FeedState feed, IQueryCollection query, int limit)
    {
        if (Query.Text(query, "interval") is not { } name || !Intervals.TryGetValue(name, out var intervalMs))
        {
            return Error(400, -1120, "Invalid interval.");
        }

        if (!Query.TryLong(query, "startTime", out var startTime) || !Query.TryLong(query, "endTime", out var endTime))
        {
            return Error(400, -1100, "Illegal characters found in parameter 'startTime' or 'endTime'.");
        }

        var view = feed.History;
        var bars = new List<Bar>();
        if (Bars.FirstOpen(view, intervalMs) is { } firstOpen)
        {
            var timeframe = new Timeframe(intervalMs);
            var latest = Math.Min(timeframe.Floor(state.NowMs), endTime is { } end ? timeframe.Floor(end) : long.MaxValue);
            var from = startTime is { } start ? Math.Max(timeframe.Floor(start), firstOpen) : Math.Max(latest - ((limit - 1) * intervalMs), firstOpen);
            bars = Bars.Build(view, intervalMs, from, Math.Min(latest, from + ((limit - 1) * intervalMs)), fill: true);
        }

        return RestReply.Json(200, json =>
        {
            json.WriteStartArray();
            foreach (var bar in bars)
            {
                json.WriteStartArray();
                json.WriteNumberValue(bar.OpenMs);
                json.WriteStringValue(WireText.Price(bar.Open, 8));
                json.WriteStringValue(WireText.Price(bar.High, 8));
                json.WriteStringValue(WireText.Price(bar.Low, 8));
                json.WriteStringValue(WireText.Price(bar.Close, 8));
                json.WriteStringValue(WireText.Decimal(bar.Volume, 8));
                json.WriteNumberValue(bar.OpenMs + intervalMs - 1);
                json.WriteStringValue(WireText.Fixed(bar.QuoteVolume, 8));
                json.WriteNumberValue(bar.Count);
                json.WriteStringValue(WireText.Decimal(bar.TakerBuyVolume, 8));
                json.WriteStringValue(WireText.Fixed(bar.TakerBuyQuoteVolume, 8));
                json.WriteStringValue("0");
                json.WriteEndArray();
            }

            json.WriteEndArray();
        });
    }

    private static RestReply Error(int status, int code, string message) => RestReply.Json(status, json =>
    {
        json.WriteStartObject();
        json.WriteNumber("code", code);
        json.WriteString("msg", message);
        json.WriteEndObject();
    });
}
