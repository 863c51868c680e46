using ActorArb.Domain.Market;

namespace ActorArb.Actors.Feeds.Exchanges;

/// <summary>
/// Drops trades already seen, so snapshots replayed on reconnect, duplicated frames and REST refills that overlap
/// the live feed count each trade once. Remembers the last <c>capacity</c> trade ids per instrument (a ring buffer
/// and a hash set: O(1) per trade, memory bounded by capacity × instruments); an id older than that window is
/// treated as new again, so the window must cover the longest replay expected (Coinbase and Kraken snapshots are
/// 50–100 trades; a REST refill is bounded by the gap). Trades without an id cannot be matched and always count as new.
/// Not thread-safe: one feed owns it.
/// </summary>
public sealed class TradeDeduplicator
{
    /// <summary>The default number of ids remembered per instrument.</summary>
    public const int DefaultCapacity = 100_000;

    private readonly int _capacity;
    private readonly Dictionary<InstrumentId, Window> _windows = [];

    /// <summary>Creates a deduplicator remembering <paramref name="capacityPerInstrument"/> ids per instrument.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The capacity is not positive.</exception>
    public TradeDeduplicator(int capacityPerInstrument = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacityPerInstrument);
        _capacity = capacityPerInstrument;
    }

    /// <summary>Returns true the first time a trade id is seen for its instrument (and remembers it), false for a repeat.</summary>
    public bool IsNew(in TradeTick trade)
    {
        if (string.IsNullOrEmpty(trade.TradeId))
        {
            return true;
        }

        if (!_windows.TryGetValue(trade.Instrument, out var window))
        {
            window = new Window(_capacity);
            _windows.Add(trade.Instrument, window);
        }

        return window.Add(trade.TradeId);
    }

    private sealed class Window(int capacity)
    {
        private readonly HashSet<string> _ids = new(Math.Min(capacity, 1024), StringComparer.Ordinal);
        private readonly string[] _ring = new string[capacity];
        private int _next;

        public bool Add(string id)
        {
            if (!_ids.Add(id))
            {
                return false;
            }

            // The slot about to be overwritten holds the oldest id once the ring has wrapped.
            if (_ring[_next] is { } oldest)
            {
                _ids.Remove(oldest);
            }

            _ring[_next] = id;
            _next = _next + 1 == _ring.Length ? 0 : _next + 1;
            return true;
        }
    }
}
