using ActorArb.Domain.Market;
using ActorArb.Simulator.Market;

namespace ActorArb.Simulator.Rest;

/// <summary>One OHLCV bar built from published trades, with the extra sums Binance and Kraken print.</summary>
internal record struct Bar(long OpenMs, Price Open, Price High, Price Low, Price Close)
{
    public decimal Volume { get; set; }

    public decimal QuoteVolume { get; set; }

    public decimal TakerBuyVolume { get; set; }

    public decimal TakerBuyQuoteVolume { get; set; }

    public long Count { get; set; }

    /// <summary>Gets the volume-weighted average price, 0 for a bar without trades (as Kraken prints it).</summary>
    public readonly decimal Vwap => Volume == 0 ? 0 : QuoteVolume / Volume;
}

/// <summary>Builds bars from the trades published so far: only the past, so a bar still open holds the trades so far.</summary>
internal static class Bars
{
    /// <summary>Returns the open time of the first trade's bar, or null before any trade.</summary>
    public static long? FirstOpen(HistoryView view, long intervalMs) => view.Count == 0 ? null : new Timeframe(intervalMs).Floor(view[0].TimeMs);

    /// <summary>
    /// Returns the bars opening in [<paramref name="fromOpenMs"/>, <paramref name="toOpenMs"/>] oldest first: only bars
    /// with trades, or with <paramref name="fill"/> also flat zero-volume bars at the previous close for idle intervals
    /// after the first trade (Binance and Kraken print those; Coinbase leaves them out).
    /// </summary>
    public static List<Bar> Build(HistoryView view, long intervalMs, long fromOpenMs, long toOpenMs, bool fill)
    {
        var bars = new List<Bar>();
        if (view.Count == 0)
        {
            return bars;
        }

        var timeframe = new Timeframe(intervalMs);
        var open = timeframe.Ceiling(fromOpenMs);
        var index = view.FirstAtOrAfterMs(open);
        Price? previousClose = index > 0 ? view[index - 1].Price : null;
        while (open <= toOpenMs)
        {
            var end = open + intervalMs;
            if (index < view.Count && view[index].TimeMs < end)
            {
                var bar = Aggregate(view, ref index, open, end);
                previousClose = bar.Close;
                bars.Add(bar);
                open = end;
            }
            else if (fill && previousClose is { } close)
            {
                bars.Add(new Bar(open, close, close, close, close));
                open = end;
            }
            else if (index < view.Count)
            {
                // No bar to print before the next trade: jump to its interval.
                open = Math.Max(end, timeframe.Floor(view[index].TimeMs));
            }
            else
            {
                break;
            }
        }

        return bars;
    }

    private static Bar Aggregate(HistoryView view, ref int index, long open, long end)
    {
        var first = view[index];
        var bar = new Bar(open, first.Price, first.Price, first.Price, first.Price);
        for (; index < view.Count && view[index].TimeMs < end; index++)
        {
            ref readonly var trade = ref view[index];
            var quote = trade.Price.ToDecimal() * trade.Size;
            bar = bar with { High = Price.Max(bar.High, trade.Price), Low = Price.Min(bar.Low, trade.Price), Close = trade.Price };
            bar.Volume += trade.Size;
            bar.QuoteVolume += quote;
            bar.Count++;
            if (trade.Aggressor == Side.Buy)
            {
                bar.TakerBuyVolume += trade.Size;
                bar.TakerBuyQuoteVolume += quote;
            }
        }

        return bar;
    }
}
