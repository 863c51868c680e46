using System.Runtime.CompilerServices;
using System.Text.Json;
using ActorArb.Actors.Feeds.Exchanges;
using ActorArb.Domain.Market;
using ActorArb.Domain.Time;

namespace ActorArb.Actors.Feeds.Rest;

/// <summary>
/// Coinbase Exchange public REST (<c>https://api.exchange.coinbase.com</c>): <c>/products/{id}/candles</c>
/// (<c>[time, low, high, open, close, volume]</c>, newest first, at most 300 bars per call, so ranges are walked in
/// windows of 300; intervals without trades are left out) and <c>/products/{id}/trades</c> (newest first, at most
/// 1000; <c>after=N</c> returns the newest trades with ids below N, which pages forward by asking for
/// <c>after = last + 1001</c>). Trade sides are the maker's, as Coinbase reports them, and are turned into the aggressor's.
/// </summary>
internal sealed class CoinbaseRestClient(RestTransport transport) : IdPagedRestClient(transport)
{
    private const int MaxBars = 300;
    private const int PageSize = 1000;

    private static readonly Timeframe[] Served = [.. new long[] { 60, 300, 900, 3600, 21600, 86400 }.Select(s => new Timeframe(s * 1000))];

    /// <inheritdoc />
    public override IReadOnlyList<Timeframe> Timeframes => Served;

    /// <inheritdoc />
    public override async IAsyncEnumerable<Candle> CandlesAsync(
        string symbol, Timeframe timeframe, long fromMs, long toMs, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var instrument = Instrument(symbol);
        RequireTimeframe(timeframe);
        var product = Product(instrument);
        var lastOpen = timeframe.Floor(toMs - 1);
        for (var start = timeframe.Ceiling(fromMs); start <= lastOpen;)
        {
            var end = Math.Min(start + ((MaxBars - 1) * timeframe.Ms), lastOpen);
            var path = $"/products/{product}/candles?granularity={timeframe.Ms / 1000}&start={UnixTime.ToIso(start)}&end={UnixTime.ToIso(end)}";
            var bars = await GetAsync(path, 1, root => Bars(root, instrument, timeframe), cancellationToken).ConfigureAwait(false);
            foreach (var bar in bars.Where(b => b.OpenTimeMs >= start && b.OpenTimeMs <= end).OrderBy(b => b.OpenTimeMs))
            {
                yield return bar;
            }

            start = end + timeframe.Ms;
        }
    }

    /// <inheritdoc />
    protected override async Task<(long Id, long TimeMs)?> NewestAsync(InstrumentId instrument, CancellationToken cancellationToken)
    {
        var trades = await GetAsync($"/products/{Product(instrument)}/trades?limit=1", 1, root => Trades(root, instrument), cancellationToken).ConfigureAwait(false);
        return trades.Count == 0 ? null : (TradeIds.ParseLong(Venue, trades[^1].TradeId, "trade_id"), trades[^1].TimeMs);
    }

    /// <inheritdoc />
    protected override async Task<long?> ProbeTimeAsync(InstrumentId instrument, long id, CancellationToken cancellationToken)
    {
        var trades = await GetAsync($"/products/{Product(instrument)}/trades?after={id + 1}&limit=1", 1, root => Trades(root, instrument), cancellationToken).ConfigureAwait(false);
        return trades.Count == 0 ? null : trades[^1].TimeMs;
    }

    /// <inheritdoc />
    protected override async Task<(IReadOnlyList<TradeTick> Trades, long NextAfterId)> PageAfterAsync(InstrumentId instrument, long afterId, CancellationToken cancellationToken)
    {
        // The newest 1000 trades below afterId + 1001 hold every trade with an id in (afterId, afterId + 1000].
        var path = $"/products/{Product(instrument)}/trades?after={afterId + PageSize + 1}&limit={PageSize}";
        var trades = await GetAsync(path, 1, root => Trades(root, instrument), cancellationToken).ConfigureAwait(false);
        return ([.. trades.Where(t => TradeIds.ParseLong(Venue, t.TradeId, "trade_id") > afterId)], afterId + PageSize);
    }

    private static string Product(InstrumentId instrument) => SymbolMap.ToExchange(ExchangeFlavours.CoinbaseExchange, instrument.Symbol);

    private static List<Candle> Bars(JsonElement root, InstrumentId instrument, Timeframe timeframe)
    {
        var bars = new List<Candle>();
        foreach (var row in RestValues.Array(root, "the candles"))
        {
            var fields = RestValues.Array(row, "a candle", 6).ToArray();
            bars.Add(RestValues.Candle(
                instrument,
                timeframe,
                RestValues.Long(fields[0], "time") * 1000,
                open: RestValues.Price(fields[3], "open"),
                high: RestValues.Price(fields[2], "high"),
                low: RestValues.Price(fields[1], "low"),
                close: RestValues.Price(fields[4], "close"),
                volume: RestValues.Volume(fields[5], "volume"),
                trades: 0));
        }

        return bars;
    }

    /// <summary>Returns the trades of a page oldest first (Coinbase sends them newest first).</summary>
    private static List<TradeTick> Trades(JsonElement root, InstrumentId instrument)
    {
        var trades = new List<TradeTick>();
        foreach (var trade in RestValues.Array(root, "the trades"))
        {
            trades.Add(new TradeTick(
                instrument,
                RestValues.IsoToMs(RestValues.Property(trade, "time"), "time"),
                RestValues.Price(RestValues.Property(trade, "price"), "price"),
                RestValues.Size(RestValues.Property(trade, "size"), "size"),
                WireValues.Opposite(RestValues.Side(RestValues.Property(trade, "side"), "side")),
                RestValues.Text(RestValues.Property(trade, "trade_id"), "trade_id")));
        }

        trades.Reverse();
        return trades;
    }
}
