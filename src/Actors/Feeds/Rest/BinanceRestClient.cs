using System.Runtime.CompilerServices;
using System.Text.Json;
using ActorArb.Actors.Feeds.Exchanges;
using ActorArb.Domain.Market;

namespace ActorArb.Actors.Feeds.Rest;

/// <summary>
/// Binance spot public REST (<c>https://api.binance.com</c>): <c>/api/v3/klines</c> (12-element rows, at most 1000
/// per call, paged by <c>startTime</c>; intervals without trades come as flat zero-volume bars),
/// <c>/api/v3/historicalTrades</c> (oldest first from <c>fromId</c>, at most 1000) and <c>/api/v3/trades</c> (the
/// newest). Requests cost their documented weight (klines 2, trades 25) against the 6000-per-minute limit.
/// <c>isBuyerMaker</c> true means the aggressor sold.
/// </summary>
/// <remarks>
/// Binance long documented <c>historicalTrades</c> as a <c>MARKET_DATA</c> endpoint that wants an
/// <c>X-MBX-APIKEY</c> header; this client sends none, so on the real exchange trade refills may need one.
/// </remarks>
internal sealed class BinanceRestClient(RestTransport transport) : IdPagedRestClient(transport)
{
    /// <summary>The weight of a klines call.</summary>
    public const double KlinesWeight = 2;

    /// <summary>The weight of a trades or historical trades call.</summary>
    public const double TradesWeight = 25;

    private const int PageSize = 1000;

    private static readonly Timeframe[] Served =
        [.. new[] { "1s", "1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "8h", "12h", "1d", "3d", "1w" }.Select(Timeframe.Parse)];

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
            var path = $"/api/v3/klines?symbol={Symbol(instrument)}&interval={timeframe}&startTime={start}&endTime={toMs - 1}&limit={PageSize}";
            var bars = await GetAsync(path, KlinesWeight, root => Bars(root, instrument, timeframe), cancellationToken).ConfigureAwait(false);
            var next = start;
            foreach (var bar in bars)
            {
                if (bar.OpenTimeMs >= next && bar.OpenTimeMs < toMs)
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
    protected override async Task<(long Id, long TimeMs)?> NewestAsync(InstrumentId instrument, CancellationToken cancellationToken)
    {
        var trades = await GetAsync($"/api/v3/trades?symbol={Symbol(instrument)}&limit=1", TradesWeight, root => Trades(root, instrument), cancellationToken).ConfigureAwait(false);
        return trades.Count == 0 ? null : (TradeIds.ParseLong(Venue, trades[^1].TradeId, "id"), trades[^1].TimeMs);
    }

    /// <inheritdoc />
    protected override async Task<long?> ProbeTimeAsync(InstrumentId instrument, long id, CancellationToken cancellationToken)
    {
        var trades = await GetAsync($"/api/v3/historicalTrades?symbol={Symbol(instrument)}&fromId={id}&limit=1", TradesWeight, root => Trades(root, instrument), cancellationToken).ConfigureAwait(false);
        return trades.Count == 0 ? null : trades[0].TimeMs;
    }

    /// <inheritdoc />
    protected override async Task<(IReadOnlyList<TradeTick> Trades, long NextAfterId)> PageAfterAsync(InstrumentId instrument, long afterId, CancellationToken cancellationToken)
    {
        var path = $"/api/v3/historicalTrades?symbol={Symbol(instrument)}&fromId={afterId + 1}&limit={PageSize}";
        var trades = await GetAsync(path, TradesWeight, root => Trades(root, instrument), cancellationToken).ConfigureAwait(false);
        var fresh = trades.Where(t => TradeIds.ParseLong(Venue, t.TradeId, "id") > afterId).ToList();
        return (fresh, fresh.Count == 0 ? afterId : TradeIds.ParseLong(Venue, fresh[^1].TradeId, "id"));
    }

    private static string Symbol(InstrumentId instrument) => SymbolMap.ToExchange(ExchangeFlavours.Binance, instrument.Symbol);

    private static List<Candle> Bars(JsonElement root, InstrumentId instrument, Timeframe timeframe)
    {
        var bars = new List<Candle>();
        foreach (var row in RestValues.Array(root, "the klines"))
        {
            var fields = RestValues.Array(row, "a kline", 9).ToArray();
            bars.Add(RestValues.Candle(
                instrument,
                timeframe,
                RestValues.Long(fields[0], "open time"),
                open: RestValues.Price(fields[1], "open"),
                high: RestValues.Price(fields[2], "high"),
                low: RestValues.Price(fields[3], "low"),
                close: RestValues.Price(fields[4], "close"),
                volume: RestValues.Volume(fields[5], "volume"),
                trades: RestValues.Long(fields[8], "number of trades")));
        }

        return bars;
    }

    private static List<TradeTick> Trades(JsonElement root, InstrumentId instrument)
    {
        var trades = new List<TradeTick>();
        foreach (var trade in RestValues.Array(root, "the trades"))
        {
            var buyerIsMaker = RestValues.Property(trade, "isBuyerMaker");
            trades.Add(new TradeTick(
                instrument,
                RestValues.Long(RestValues.Property(trade, "time"), "time"),
                RestValues.Price(RestValues.Property(trade, "price"), "price"),
                RestValues.Size(RestValues.Property(trade, "qty"), "qty"),
                buyerIsMaker.ValueKind switch
                {
                    JsonValueKind.True => Side.Sell,
                    JsonValueKind.False => Side.Buy,
                    _ => throw new WireFormatException($"isBuyerMaker is {buyerIsMaker.ValueKind}, not a boolean"),
                },
                RestValues.Text(RestValues.Property(trade, "id"), "id")));
        }

        return trades;
    }
}
