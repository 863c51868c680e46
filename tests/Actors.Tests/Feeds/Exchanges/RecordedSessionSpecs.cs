using System.Globalization;
using System.Text;
using ActorArb.Actors.Feeds.Exchanges;
using ActorArb.Domain.Market;
using Xunit.Abstractions;

namespace ActorArb.Actors.Tests.Feeds.Exchanges;

/// <summary>
/// Whole recorded sessions through the adapters: every received frame reads without a <see cref="Malformed"/>, and
/// the trades equal the normalised tick files built from the same sessions (an independent conversion: its times
/// are rounded, so the expected times here are truncated from the ISO or seconds text the file kept).
/// </summary>
public sealed class RecordedSessionSpecs(ITestOutputHelper output)
{
    [Theory]
    [InlineData("BTCUSDT-spot-trades-20240808T2354Z-20240809T0005Z.csv.gz", "BTC/USDT", "hftbacktest_spot_btcusdt_20240808.gz", "hftbacktest_spot_btcusdt_20240809.gz")]
    [InlineData("ETHUSDT-spot-trades-20240808T2354Z-20240809T0005Z.csv.gz", "ETH/USDT", "hftbacktest_spot_ethusdt_20240808.gz", "hftbacktest_spot_ethusdt_20240809.gz")]
    [InlineData("BTCUSDT-spot-trades-20230405.csv.gz", "BTC/USDT", "hftbacktest_spot_btcusdt_20230405.gz")]
    public void Binance_sessions_should_yield_exactly_the_tick_file(string ticks, string symbol, params string[] recordings)
    {
        var sessions = recordings.Select(r => ExchangeSamples.Frames($"binance/recordings/{r}")).ToArray();
        if (sessions.Any(s => s is null) || ExchangeSamples.TickRows($"binance/{ticks}") is not { } rows)
        {
            output.WriteLine("skipped: shared/data not found");
            return;
        }

        var frames = sessions.SelectMany(s => s!).ToList();
        var tradeFrames = frames.Count(f => Encoding.UTF8.GetString(f).Contains("@trade\"", StringComparison.Ordinal));
        var trades = ParseAll(ExchangeFlavours.Binance, frames);

        Assert.Equal(tradeFrames, trades.Count);
        var instrument = new InstrumentId("binance", symbol);
        var expected = rows.Select(r => new TradeTick(
            instrument,
            long.Parse(r["timestamp_utc_ms"], CultureInfo.InvariantCulture),
            Price.Parse(r["price"]),
            double.Parse(r["qty"], CultureInfo.InvariantCulture),
            TakerSide(r["taker_side"]),
            r["trade_id"]));
        Assert.Equal(expected, trades);
    }

    [Fact]
    public void Coinbase_advanced_session_should_yield_the_tick_file_with_the_maker_side_inverted()
    {
        if (ExchangeSamples.Frames("coinbase/recordings/cryptofeed_COINBASE_advanced-trade_session.jsonl.gz") is not { } frames
            || ExchangeSamples.TickRows("coinbase/BTC-ETH-USD-market_trades-advanced-ws.csv") is not { } rows)
        {
            output.WriteLine("skipped: shared/data not found");
            return;
        }

        var trades = ParseAll(ExchangeFlavours.Coinbase, frames);

        var expected = rows.Select(r => new TradeTick(
            new InstrumentId("coinbase", r["product_id"].Replace('-', '/')),
            IsoMs(r["time_iso"]),
            Price.Parse(r["price"]),
            double.Parse(r["qty"], CultureInfo.InvariantCulture),
            TakerSide(r["side_as_reported"]) == Side.Buy ? Side.Sell : Side.Buy,
            r["trade_id"]));
        Assert.Equal(Ordered(expected), Ordered(trades));
        Assert.Equal(279, trades.Count);
    }

    [Fact]
    public void Coinbase_exchange_session_should_yield_the_tick_file()
    {
        if (ExchangeSamples.Frames("coinbase/recordings/cryptofeed_COINBASE.ws.28.0_exchange-wsfeed_20210417.log.gz") is not { } frames
            || ExchangeSamples.TickRows("coinbase/multi-product-matches-exchange-ws-20210417.csv") is not { } rows)
        {
            output.WriteLine("skipped: shared/data not found");
            return;
        }

        var trades = ParseAll(ExchangeFlavours.CoinbaseExchange, frames);

        var expected = rows.Select(r => new TradeTick(
            new InstrumentId("coinbase", r["product_id"].Replace('-', '/')),
            IsoMs(r["time_iso"]),
            Price.Parse(r["price"]),
            double.Parse(r["qty"], CultureInfo.InvariantCulture),
            TakerSide(r["taker_side"]),
            r["trade_id"]));
        Assert.Equal(Ordered(expected), Ordered(trades));
        Assert.Equal(107, trades.Count);
    }

    [Fact]
    public void Kraken_v1_sessions_should_read_without_malformed_frames_and_match_the_tick_file()
    {
        var trade = ExchangeSamples.Frames("kraken/recordings/cryptofeed_KRAKEN.ws.48.0_trade_wsv1_20210417.log.gz");
        var ticker = ExchangeSamples.Frames("kraken/recordings/cryptofeed_KRAKEN.ws.49.0_ticker_wsv1_20210417.log.gz");
        var book = ExchangeSamples.Frames("kraken/recordings/cryptofeed_KRAKEN.ws.50.0_book_wsv1_20210417.log.gz");
        if (trade is null || ticker is null || book is null || ExchangeSamples.TickRows("kraken/multi-pair-trades-wsv1-202104.csv") is not { } rows)
        {
            output.WriteLine("skipped: shared/data not found");
            return;
        }

        Assert.Empty(ParseAll(ExchangeFlavours.KrakenV1, ticker));
        Assert.Empty(ParseAll(ExchangeFlavours.KrakenV1, book));
        var trades = ParseAll(ExchangeFlavours.KrakenV1, trade);

        // The tick file also holds trades from another session; this one's are those with its seconds text.
        var seconds = trades.Select(t => t.TradeId.Split('-')[0]).ToHashSet();
        var expected = rows.Where(r => seconds.Contains(r["kraken_time_sec"])).Select(r => new TradeTick(
            new InstrumentId("kraken", r["pair"].Replace("XBT", "BTC", StringComparison.Ordinal)),
            (long)decimal.Truncate(decimal.Parse(r["kraken_time_sec"], CultureInfo.InvariantCulture) * 1000),
            Price.Parse(r["price"]),
            double.Parse(r["qty"], CultureInfo.InvariantCulture),
            TakerSide(r["taker_side"]),
            $"{r["kraken_time_sec"]}-{r["price"]}-{r["qty"]}-0"));
        Assert.Equal(expected.OrderBy(t => t.TradeId, StringComparer.Ordinal), trades.OrderBy(t => t.TradeId, StringComparer.Ordinal));
        Assert.Equal(10, trades.Count);
    }

    [Fact]
    public void Binance_session_of_other_streams_should_read_without_malformed_frames()
    {
        if (ExchangeSamples.Frames("binance/recordings/cryptofeed_BINANCE-ee25be.0_spot_20210404.log.gz") is not { } frames)
        {
            output.WriteLine("skipped: shared/data not found");
            return;
        }

        // depth, kline and aggTrade streams only: all ignored, none malformed.
        Assert.Empty(ParseAll(ExchangeFlavours.Binance, frames));
    }

    private List<TradeTick> ParseAll(string flavour, IReadOnlyList<byte[]> frames)
    {
        var adapter = ExchangeAdapters.Create(flavour);
        var trades = new List<TradeTick>();
        var kinds = new Dictionary<string, int>();
        foreach (var frame in frames)
        {
            var message = adapter.Parse(frame);
            if (message is Malformed malformed)
            {
                Assert.Fail($"{flavour}: {malformed.Reason} in {malformed.Sample}");
            }

            var kind = message is Ignored ignored ? $"ignored {ignored.Kind}" : message.GetType().Name;
            kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
            if (message is TradesReceived received)
            {
                trades.AddRange(received.Trades);
            }
        }

        output.WriteLine($"{flavour}: {frames.Count} frames, 0 malformed, {trades.Count} trades; {string.Join(", ", kinds.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value}"))}");
        return trades;
    }

    private static IEnumerable<TradeTick> Ordered(IEnumerable<TradeTick> trades) =>
        trades.OrderBy(t => t.Instrument.Symbol, StringComparer.Ordinal).ThenBy(t => long.Parse(t.TradeId, CultureInfo.InvariantCulture));

    private static Side TakerSide(string text) => text switch
    {
        "buy" => Side.Buy,
        "sell" => Side.Sell,
        _ => throw new FormatException(text),
    };

    // DateTime keeps 100 ns ticks: integer division by 10,000 truncates to the millisecond.
    private static long IsoMs(string iso) =>
        (DateTime.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal).Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond;
}
