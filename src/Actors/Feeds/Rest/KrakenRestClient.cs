using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ActorArb.Actors.Feeds.Exchanges;
using ActorArb.Domain.Market;

namespace ActorArb.Actors.Feeds.Rest;

/// <summary>
/// Kraken public REST (<c>https://api.kraken.com</c>), always <c>{"error":[…],"result":{…}}</c>:
/// <c>/0/public/OHLC</c> (<c>[time, open, high, low, close, vwap, volume, count]</c>, bars after <c>since</c>,
/// idle intervals flat; the newest bar is still open and <c>last</c> names the newest committed one) and
/// <c>/0/public/Trades</c> (oldest first after <c>since</c>, a nanosecond cursor; <c>last</c> is the next cursor).
/// </summary>
/// <remarks>
/// Kraken's OHLC endpoint serves only the latest 720 bars of each interval (12 hours of 1m bars), whatever
/// <c>since</c> asks for. Its trade history, though, reaches back to the pair's first trade, so
/// <see cref="CandlesAsync"/> builds the bars older than that horizon from <c>/0/public/Trades</c> (one call per 1000
/// trades: slow for busy pairs at Kraken's public rate, but complete) and takes the rest from OHLC.
/// </remarks>
internal sealed class KrakenRestClient(RestTransport transport) : RestHistoryClient(transport)
{
    /// <summary>The most bars Kraken's OHLC endpoint keeps per interval.</summary>
    public const int OhlcHorizon = 720;

    private static readonly Timeframe[] Served = [.. new[] { 1, 5, 15, 30, 60, 240, 1440, 10080, 21600 }.Select(m => new Timeframe(m * 60_000L))];

    /// <inheritdoc />
    public override IReadOnlyList<Timeframe> Timeframes => Served;

    /// <inheritdoc />
    public override async IAsyncEnumerable<Candle> CandlesAsync(
        string symbol, Timeframe timeframe, long fromMs, long toMs, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var instrument = Instrument(symbol);
        RequireTimeframe(timeframe);
        for (var start = timeframe.Ceiling(fromMs); start < toMs;)
        {
            // since is exclusive: bars opening after it.
            var path = $"/0/public/OHLC?pair={Pair(instrument)}&interval={timeframe.Ms / 60_000}&since={(start - timeframe.Ms) / 1000}";
            var (bars, lastMs) = await GetAsync(path, 1, root => Bars(root, instrument, timeframe), cancellationToken).ConfigureAwait(false);
            if (bars.Count >= OhlcHorizon && bars[0].OpenTimeMs > start && bars[^1].OpenTimeMs > lastMs)
            {
                // A full page that reaches the open bar yet starts after the cursor: the cursor is beyond the horizon.
                var horizon = Math.Min(bars[0].OpenTimeMs, toMs);
                await foreach (var bar in BarsFromTradesAsync(instrument, timeframe, start, horizon, cancellationToken).ConfigureAwait(false))
                {
                    yield return bar;
                }

                start = horizon;
            }

            var next = start;
            foreach (var bar in bars)
            {
                // Bars after "last" are still open.
                if (bar.OpenTimeMs >= next && bar.OpenTimeMs < toMs && bar.OpenTimeMs <= lastMs)
                {
                    yield return bar;
                    next = bar.OpenTimeMs + timeframe.Ms;
                }
            }

            if (next == start)
            {
                yield break;
            }

            start = next;
        }
    }

    /// <inheritdoc />
    public override IAsyncEnumerable<TradeTick> TradesAsync(string symbol, TradeCursor from, long toMs, CancellationToken cancellationToken = default)
    {
        var instrument = Instrument(symbol);
        UInt128? after = from.AfterTradeId is { } id ? TradeIds.ParseWide(Venue, id, nameof(from)) : null;
        return WalkAsync(instrument, from.TimeMs, after, null, toMs, cancellationToken);
    }

    /// <inheritdoc />
    public override IAsyncEnumerable<TradeTick> TradesBetweenIdsAsync(string symbol, string afterId, string beforeId, long afterTimeMs, CancellationToken cancellationToken = default)
    {
        var instrument = Instrument(symbol);
        var after = TradeIds.ParseWide(Venue, afterId, nameof(afterId));
        UInt128? before = string.IsNullOrEmpty(beforeId) ? null : TradeIds.ParseWide(Venue, beforeId, nameof(beforeId));
        return WalkAsync(instrument, afterTimeMs, after, before, long.MaxValue, cancellationToken);
    }

    /// <summary>
    /// Builds the bars of [<paramref name="fromMs"/>, <paramref name="toMs"/>) from the trades, as Kraken's OHLC builds
    /// them: one bar per interval with trades, volumes summed in trade order, and flat bars at the previous close for
    /// the intervals without trades after the first bar, up to <paramref name="toMs"/> (the OHLC endpoint holds the
    /// bar there, so those intervals are known to be idle).
    /// </summary>
    private async IAsyncEnumerable<Candle> BarsFromTradesAsync(
        InstrumentId instrument, Timeframe timeframe, long fromMs, long toMs, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Candle? current = null;
        await foreach (var trade in WalkAsync(instrument, fromMs, null, null, toMs, cancellationToken).ConfigureAwait(false))
        {
            var open = timeframe.Floor(trade.TimeMs);
            if (current is { } bar && bar.OpenTimeMs == open)
            {
                current = bar with
                {
                    High = Price.Max(bar.High, trade.Price),
                    Low = Price.Min(bar.Low, trade.Price),
                    Close = trade.Price,
                    Volume = bar.Volume + trade.Size,
                    TradeCount = bar.TradeCount + 1,
                };
                continue;
            }

            if (current is { } done)
            {
                yield return done;
                foreach (var flat in Flats(done, open))
                {
                    yield return flat;
                }
            }

            current = new Candle(instrument, timeframe, open, trade.Price, trade.Price, trade.Price, trade.Price, trade.Size, 1, CandleFlags.None);
        }

        if (current is { } last)
        {
            yield return last;
            foreach (var flat in Flats(last, toMs))
            {
                yield return flat;
            }
        }
    }

    private static IEnumerable<Candle> Flats(Candle before, long untilMs)
    {
        for (var open = before.OpenTimeMs + before.Timeframe.Ms; open < untilMs; open += before.Timeframe.Ms)
        {
            yield return new Candle(before.Instrument, before.Timeframe, open, before.Close, before.Close, before.Close, before.Close, 0, 0, CandleFlags.Flat);
        }
    }

    private static string Pair(InstrumentId instrument) => SymbolMap.ToExchange(ExchangeFlavours.KrakenV1, instrument.Symbol).Replace("/", string.Empty, StringComparison.Ordinal);

    /// <summary>
    /// Walks trades from <paramref name="fromMs"/> (after <paramref name="afterId"/> when given) to before
    /// <paramref name="toMs"/> and <paramref name="beforeId"/>. Ids only rise, so a trade at or below the last one
    /// yielded is a repeat at a page boundary (Kraken's cursor may include the trades at its own nanosecond).
    /// </summary>
    private async IAsyncEnumerable<TradeTick> WalkAsync(
        InstrumentId instrument, long fromMs, UInt128? afterId, UInt128? beforeId, long toMs, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var since = Math.Max(0, checked((fromMs * 1_000_000) - 1));
        var lastId = afterId;
        while (true)
        {
            var path = $"/0/public/Trades?pair={Pair(instrument)}&since={since.ToString(CultureInfo.InvariantCulture)}";
            var (trades, next) = await GetAsync(path, 1, root => Trades(root, instrument), cancellationToken).ConfigureAwait(false);
            foreach (var trade in trades)
            {
                var id = TradeIds.ParseWide(Venue, trade.TradeId, "trade id");
                if ((lastId is { } seen && id <= seen) || trade.TimeMs < fromMs)
                {
                    continue;
                }

                if (trade.TimeMs >= toMs || id >= beforeId)
                {
                    yield break;
                }

                lastId = id;
                yield return trade;
            }

            if (trades.Count == 0 || next <= since)
            {
                yield break;
            }

            since = next;
        }
    }

    /// <summary>Returns the result's one array (its key is Kraken's name for the pair, not necessarily the one asked) and <c>last</c>.</summary>
    private static (JsonElement Rows, JsonElement Last) Result(JsonElement root)
    {
        var result = RestValues.Property(root, "result");
        JsonElement? rows = null;
        foreach (var property in result.EnumerateObject())
        {
            if (property.Name != "last" && property.Value.ValueKind == JsonValueKind.Array)
            {
                rows = property.Value;
            }
        }

        return (rows ?? throw new WireFormatException("the result holds no pair"), RestValues.Property(result, "last"));
    }

    private static (List<Candle> Bars, long LastMs) Bars(JsonElement root, InstrumentId instrument, Timeframe timeframe)
    {
        var (rows, last) = Result(root);
        var bars = new List<Candle>();
        foreach (var row in RestValues.Array(rows, "the OHLC rows"))
        {
            var fields = RestValues.Array(row, "an OHLC row", 8).ToArray();
            bars.Add(RestValues.Candle(
                instrument,
                timeframe,
                RestValues.Long(fields[0], "time") * 1000,
                open: RestValues.Price(fields[1], "open"),
                high: RestValues.Price(fields[2], "high"),
                low: RestValues.Price(fields[3], "low"),
                close: RestValues.Price(fields[4], "close"),
                volume: RestValues.Volume(fields[6], "volume"),
                trades: RestValues.Long(fields[7], "count")));
        }

        return (bars, RestValues.Long(last, "last") * 1000);
    }

    private static (List<TradeTick> Trades, long NextNs) Trades(JsonElement root, InstrumentId instrument)
    {
        var (rows, last) = Result(root);
        var trades = new List<TradeTick>();
        foreach (var row in RestValues.Array(rows, "the trades"))
        {
            var fields = RestValues.Array(row, "a trade", 7).ToArray();
            trades.Add(new TradeTick(
                instrument,
                RestValues.UnixSecondsToMs(fields[2], "time"),
                RestValues.Price(fields[0], "price"),
                RestValues.Size(fields[1], "volume"),
                RestValues.Side(fields[3], "side"),
                RestValues.Text(fields[6], "trade id")));
        }

        return (trades, RestValues.Long(last, "last"));
    }
}
