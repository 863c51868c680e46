using System.Globalization;
using System.Text.Json;
using ActorArb.Domain.Market;
using ActorArb.Simulator.Market;
using ActorArb.Simulator.Wire;
using Microsoft.AspNetCore.Http;

namespace ActorArb.Simulator.Rest;

/// <summary>
/// Kraken's public REST, always HTTP 200 with <c>{"error":[…],"result":…}</c>: <c>/0/public/Trades?pair=&amp;since=</c>
/// (oldest first, at most 1000; <c>since</c> in nanoseconds, or seconds when short, exclusive; <c>last</c> is the page's
/// last nanosecond stamp as text, the cursor for the next call; a trade's stamp is its millisecond × 10⁶ + n, n ≥ 1
/// counting trades within that millisecond, so <c>since</c> = ms × 10⁶ starts at that millisecond) and <c>/0/public/OHLC?pair=&amp;interval=&amp;since=</c>
/// (<c>[time, open, high, low, close, vwap, volume, count]</c>, idle intervals flat, only the latest 720 intervals
/// whatever <c>since</c> asks, as on Kraken; <c>last</c> is the newest committed bar). The result's key is the pair as
/// the request spelled it.
/// </summary>
internal static class KrakenRest
{
    private const int MaxTrades = 1000;
    private const int MaxBars = 720;
    private static readonly int[] Intervals = [1, 5, 15, 30, 60, 240, 1440, 10080, 21600];

    public static RestReply Handle(SimulatorState state, string[] path, IQueryCollection query)
    {
        if (path is not ["0", "public", var method])
        {
            return Error("EGeneral:Unknown method");
        }

        if (method is not ("Trades" or "OHLC"))
        {
            return Error("EGeneral:Unknown method");
        }

        if (Query.Text(query, "pair") is not { } pair)
        {
            return Error("EGeneral:Invalid arguments");
        }

        if (state.Find(SimulatorFlavours.KrakenVenue, pair) is not { } feed)
        {
            return Error("EQuery:Unknown asset pair");
        }

        return method == "Trades" ? Trades(feed, pair, query) : Ohlc(state, feed, pair, query);
    }

    public static RestReply RateLimited() => Error("EAPI:Rate limit exceeded");

    private static RestReply Trades(FeedState feed, string pair, IQueryCollection query)
    {
        if (!Query.TryLimit(query, "count", MaxTrades, MaxTrades, out var count) || !TrySinceNs(query, out var sinceNs))
        {
            return Error("EGeneral:Invalid arguments");
        }

        var view = feed.History;
        var first = sinceNs is { } ns ? view.FirstWithNsAbove(ns) : Math.Max(0, view.Count - count);
        var page = view.Slice(first, count).ToArray();
        var last = page.Length > 0 ? page[^1].TimeNs : sinceNs ?? 0;
        return Result(pair, json =>
        {
            json.WriteStartArray(pair);
            foreach (var trade in page)
            {
                json.WriteStartArray();
                json.WriteStringValue(WireText.Price(trade.Price, 5));
                json.WriteStringValue(WireText.Decimal(trade.Size, 8));
                json.WriteRawNumberValue(WireText.UnixSecondsMillis(trade.TimeMs));
                json.WriteStringValue(trade.Aggressor == Side.Buy ? "b" : "s");
                json.WriteStringValue("m");
                json.WriteStringValue(string.Empty);
                json.WriteNumberValue(trade.Id);
                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteString("last", WireText.Integer(last));
        });
    }

    private static RestReply Ohlc(SimulatorState state, FeedState feed, string pair, IQueryCollection query)
    {
        if (!Query.TryLong(query, "interval", out var minutes) || (minutes is { } m && !Intervals.Contains((int)m)) || !Query.TryLong(query, "since", out var since))
        {
            return Error("EGeneral:Invalid arguments:interval");
        }

        var intervalMs = (minutes ?? 1) * 60_000;
        var view = feed.History;
        var timeframe = new Timeframe(intervalMs);
        var latest = timeframe.Floor(state.NowMs);
        var bars = new List<Bar>();
        if (Bars.FirstOpen(view, intervalMs) is { } firstOpen)
        {
            // Kraken keeps only the latest 720 intervals: an older since gets those, never the bars it asked for.
            var from = Math.Max(latest - ((MaxBars - 1) * intervalMs), firstOpen);
            if (since is { } s)
            {
                from = Math.Max(from, timeframe.Floor(s * 1000) + intervalMs);
            }

            bars = Bars.Build(view, intervalMs, from, latest, fill: true);
        }

        // The bar holding the market clock is still open: "last" names the newest committed one.
        var committed = bars.FindLastIndex(b => b.OpenMs < latest);
        var last = committed >= 0 ? bars[committed].OpenMs / 1000 : since ?? 0;
        return Result(pair, json =>
        {
            json.WriteStartArray(pair);
            foreach (var bar in bars)
            {
                json.WriteStartArray();
                json.WriteNumberValue(bar.OpenMs / 1000);
                json.WriteStringValue(WireText.Price(bar.Open));
                json.WriteStringValue(WireText.Price(bar.High));
                json.WriteStringValue(WireText.Price(bar.Low));
                json.WriteStringValue(WireText.Price(bar.Close));
                json.WriteStringValue(bar.Count == 0 ? "0.0" : WireText.Decimal(decimal.Round(bar.Vwap, 8)));
                json.WriteStringValue(WireText.Decimal(bar.Volume, 8));
                json.WriteNumberValue(bar.Count);
                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteNumber("last", last);
        });
    }

    /// <summary>Reads <c>since</c>: nanoseconds as Kraken's cursors are, or (fewer than 13 digits) seconds, possibly fractional.</summary>
    private static bool TrySinceNs(IQueryCollection query, out long? sinceNs)
    {
        sinceNs = null;
        if (Query.Text(query, "since") is not { } text)
        {
            return true;
        }

        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        sinceNs = value < 1e12m ? (long)decimal.Floor(value * 1_000_000_000m) : (long)decimal.Floor(value);
        return true;
    }

    private static RestReply Result(string pair, Action<Utf8JsonWriter> writeResult) => RestReply.Json(200, json =>
    {
        json.WriteStartObject();
        json.WriteStartArray("error");
        json.WriteEndArray();
        json.WriteStartObject("result");
        writeResult(json);
        json.WriteEndObject();
        json.WriteEndObject();
    });

    private static RestReply Error(string error) => RestReply.Json(200, json =>
    {
        json.WriteStartObject();
        json.WriteStartArray("error");
        json.WriteStringValue(error);
        json.WriteEndArray();
        json.WriteEndObject();
    });
}
