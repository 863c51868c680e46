using ActorArb.Domain.Market;
using ActorArb.Simulator.Wire;

namespace ActorArb.Simulator.Market;

/// <summary>
/// One simulated market: the trades published so far (the exchange's past, which REST serves) and the sessions
/// subscribed to new ones. Publishing and subscribing take the same lock, so a subscriber's snapshot and the updates
/// that follow it neither overlap nor leave a hole.
/// </summary>
internal sealed class FeedState(int index, InstrumentId instrument)
{
    private readonly Lock gate = new();
    private readonly List<ITradeSink> sinks = [];
    private PublishedTrade[] items = new PublishedTrade[1024];
    private int count;
    private long lastId;
    private long lastNs = long.MinValue;

    /// <summary>Gets the feed's position in the simulator's options.</summary>
    public int Index { get; } = index;

    /// <summary>Gets the instrument the trades are published under.</summary>
    public InstrumentId Instrument { get; } = instrument;

    /// <summary>Gets or sets how far every published time moves from the source's (set before publishing starts).</summary>
    public long TimeShiftMs { get; set; }

    /// <summary>Gets the number of trades published so far.</summary>
    public int Count => Volatile.Read(ref count);

    /// <summary>Gets the trades published so far.</summary>
    public HistoryView History
    {
        get
        {
            lock (gate)
            {
                return new HistoryView(items, count);
            }
        }
    }

    /// <summary>Gets the largest number of items waiting in any subscriber's queue.</summary>
    public int MaxBacklog
    {
        get
        {
            lock (gate)
            {
                var most = 0;
                foreach (var sink in sinks)
                {
                    most = Math.Max(most, sink.Backlog);
                }

                return most;
            }
        }
    }

    /// <summary>
    /// Publishes <paramref name="ticks"/> (at least one) in order: assigns each its wire id, shifted time and nanosecond
    /// stamp, appends it to the history, offers the batch to every subscriber, and returns the last trade's time.
    /// </summary>
    public long Publish(ReadOnlySpan<TradeTick> ticks)
    {
        var batch = new PublishedTrade[ticks.Length];
        lock (gate)
        {
            for (var i = 0; i < ticks.Length; i++)
            {
                ref readonly var tick = ref ticks[i];
                var timeMs = tick.TimeMs + TimeShiftMs;
                lastId = WireId(tick.TradeId, lastId);

                // Kraken pages trades by a nanosecond cursor; +1 keeps since = ms·10⁶ inclusive of that millisecond.
                lastNs = Math.Max(checked((timeMs * 1_000_000) + 1), lastNs + 1);
                batch[i] = new PublishedTrade(
                    lastId, timeMs, lastNs, tick.Price, WireText.ExactDecimal(tick.Size), tick.Size, tick.AggressorSide, count + i + 1L);
            }

            Append(batch);
            foreach (var sink in sinks)
            {
                sink.Offer(this, batch);
            }
        }

        return batch[^1].TimeMs;
    }

    /// <summary>Adds <paramref name="sink"/> to the subscribers and returns the history at that moment.</summary>
    public HistoryView Subscribe(ITradeSink sink)
    {
        lock (gate)
        {
            if (!sinks.Contains(sink))
            {
                sinks.Add(sink);
            }

            return new HistoryView(items, count);
        }
    }

    /// <summary>Removes <paramref name="sink"/> from the subscribers.</summary>
    public void Unsubscribe(ITradeSink sink)
    {
        lock (gate)
        {
            sinks.Remove(sink);
        }
    }

    /// <summary>
    /// Returns the source's id when it is a plain decimal number above the previous wire id, otherwise the previous
    /// wire id plus one, so wire ids always increase and REST cursors work on any file.
    /// </summary>
    private static long WireId(string sourceId, long previous)
    {
        var text = sourceId.AsSpan();
        if (text.Length is > 0 and <= 18 && (text.Length == 1 || text[0] != '0') && long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > previous)
        {
            return id;
        }

        return previous + 1;
    }

    private void Append(PublishedTrade[] batch)
    {
        if (count + batch.Length > items.Length)
        {
            // A new array, never a resize in place: views handed out earlier keep reading the old one safely.
            var grown = new PublishedTrade[Math.Max(items.Length * 2, count + batch.Length)];
            Array.Copy(items, grown, count);
            items = grown;
        }

        batch.CopyTo(items, count);
        Volatile.Write(ref count, count + batch.Length);
    }
}
