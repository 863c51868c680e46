using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace ActorArb.Actors.Feeds.Exchanges;

/// <summary>
/// A micro benchmark of the parse hot path for <c>actorarb bench</c>: realistic trade frames of each flavour (ids,
/// prices and times varying, the shapes of the recorded sessions) parsed in a loop on the calling thread.
/// </summary>
public static class FeedParseBench
{
    private const int DistinctFrames = 1024;
    private const long StartMs = 1_723_161_255_342;

    /// <summary>Parses <paramref name="messages"/> frames of <paramref name="flavour"/> after a warm-up and returns the rates.</summary>
    /// <exception cref="ArgumentException">The flavour is unknown.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The message count is not positive.</exception>
    public static FeedParseBenchResult Run(string flavour, int messages = 1_000_000)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(messages);
        var adapter = ExchangeAdapters.Create(flavour);
        var frames = Enumerable.Range(0, DistinctFrames).Select(i => Encoding.UTF8.GetBytes(Frame(flavour, i))).ToArray();
        Loop(adapter, frames, Math.Min(messages, 50_000));

        var start = Stopwatch.GetTimestamp();
        var (trades, malformed) = Loop(adapter, frames, messages);
        return new FeedParseBenchResult(flavour, messages, trades, malformed, Stopwatch.GetElapsedTime(start).TotalSeconds);
    }

    /// <summary>Runs <see cref="Run"/> for every flavour.</summary>
    public static IReadOnlyList<FeedParseBenchResult> RunAll(int messages = 1_000_000) =>
        ExchangeFlavours.All.Select(f => Run(f, messages)).ToArray();

    private static (long Trades, long Malformed) Loop(IExchangeAdapter adapter, byte[][] frames, int messages)
    {
        long trades = 0, malformed = 0;
        for (var i = 0; i < messages; i++)
        {
            switch (adapter.Parse(frames[i % frames.Length]))
            {
                case TradesReceived received:
                    trades += received.Trades.Count;
                    break;
                case Malformed:
                    malformed++;
                    break;
            }
        }

        return (trades, malformed);
    }

    // One or two trades per frame, as the recorded sessions mostly carry.
    private static string Frame(string flavour, int i)
    {
        var id = 3_735_683_259L + 2 * i;
        var ms = StartMs + 37L * i;
        var iso = DateTime.UnixEpoch.AddMilliseconds(ms).AddTicks(4_560).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        var price = (61_837.63m + i % 97 * 0.01m).ToString("0.00000000", CultureInfo.InvariantCulture);
        var size = (0.0002m + i % 13 * 0.00731m).ToString("0.00000000", CultureInfo.InvariantCulture);
        var seconds = (ms / 1000m + 0.000417m).ToString("0.000000", CultureInfo.InvariantCulture);
        return flavour switch
        {
            ExchangeFlavours.Binance =>
                $$$"""{"stream":"btcusdt@trade","data":{"e":"trade","E":{{{ms + 1}}},"s":"BTCUSDT","t":{{{id}}},"p":"{{{price}}}","q":"{{{size}}}","T":{{{ms}}},"m":{{{(i % 3 == 0 ? "true" : "false")}}},"M":true}}""",
            ExchangeFlavours.Coinbase =>
                $$$"""{"channel":"market_trades","client_id":"","timestamp":"{{{iso}}}","sequence_num":{{{i}}},"events":[{"type":"update","trades":[{"product_id":"BTC-USD","trade_id":"{{{id + 1}}}","price":"{{{price}}}","size":"{{{size}}}","time":"{{{iso}}}","side":"SELL"},{"product_id":"BTC-USD","trade_id":"{{{id}}}","price":"{{{price}}}","size":"{{{size}}}","time":"{{{iso}}}","side":"BUY"}]}]}""",
            ExchangeFlavours.CoinbaseExchange =>
                $$$"""{"type":"match","trade_id":{{{id}}},"maker_order_id":"cac01d6d-8009-4c33-8e0d-f7f853d7c1bc","taker_order_id":"3dec64e4-f6ad-4ca8-ad3f-e5b1a0eb0d06","side":"sell","size":"{{{size}}}","price":"{{{price}}}","product_id":"BTC-USD","sequence":{{{201_390_075 + i}}},"time":"{{{iso}}}"}""",
            ExchangeFlavours.Kraken =>
                $$$"""{"channel":"trade","type":"update","data":[{"symbol":"BTC/USD","side":"buy","price":{{{price}}},"qty":{{{size}}},"ord_type":"market","trade_id":{{{id}}},"timestamp":"{{{iso}}}"},{"symbol":"BTC/USD","side":"sell","price":{{{price}}},"qty":{{{size}}},"ord_type":"limit","trade_id":{{{id + 1}}},"timestamp":"{{{iso}}}"}]}""",
            ExchangeFlavours.KrakenV1 =>
                $$$"""[993,[["{{{price}}}","{{{size}}}","{{{seconds}}}","s","m",""],["{{{price}}}","{{{size}}}","{{{seconds}}}","b","l",""]],"trade","XBT/USD"]""",
            _ => throw new ArgumentException($"unknown exchange flavour \"{flavour}\"", nameof(flavour)),
        };
    }
}
