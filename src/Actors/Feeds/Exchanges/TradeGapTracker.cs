using System.Globalization;
using ActorArb.Domain.Events;
using ActorArb.Domain.Market;

namespace ActorArb.Actors.Feeds.Exchanges;

/// <summary>
/// Watches trade ids that are contiguous per instrument (Coinbase, Kraken v2, Binance) and reports holes as
/// <see cref="FeedGapDetected"/>. Ids are read as unsigned 128-bit integers, so Kraken's ids beyond Int64 work; ids
/// that are not all digits (Kraken v1's derived ones) are not tracked. The first trade of an instrument starts its
/// sequence; lower ids after that (duplicates, snapshot replays, late trades of a gap already reported) are ignored.
/// A trade ahead of the expected id waits in a reorder window: a late trade that fills the hole raises nothing; the
/// gap is reported once more than <c>reorderWindow</c> trades wait, or on <see cref="Flush"/> (call it from a timer
/// or before resubscribing so a quiet market still reports). Not thread-safe: one feed owns it.
/// </summary>
public sealed class TradeGapTracker
{
    /// <summary>The default number of out-of-order trades that may wait for a missing one.</summary>
    public const int DefaultReorderWindow = 32;

    private readonly int _reorderWindow;
    private readonly Dictionary<InstrumentId, Sequence> _sequences = [];

    /// <summary>Creates a tracker that lets up to <paramref name="reorderWindow"/> trades wait for a late one.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The window is negative.</exception>
    public TradeGapTracker(int reorderWindow = DefaultReorderWindow)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(reorderWindow);
        _reorderWindow = reorderWindow;
    }

    /// <summary>Returns the gap this trade confirms, or null (in sequence, waiting, a repeat, or not trackable).</summary>
    public FeedGapDetected? Observe(in TradeTick trade)
    {
        if (!_sequences.TryGetValue(trade.Instrument, out var sequence))
        {
            sequence = new Sequence(trade.Instrument);
            _sequences.Add(trade.Instrument, sequence);
        }

        sequence.LatestTimeMs = Math.Max(sequence.LatestTimeMs, trade.TimeMs);
        if (!UInt128.TryParse(trade.TradeId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id == UInt128.MaxValue)
        {
            sequence.SeeUntracked(trade.TradeId, trade.TimeMs);
            return null;
        }

        if (!sequence.Started)
        {
            sequence.Accept(id, trade.TradeId, trade.TimeMs);
            return null;
        }

        if (id < sequence.Next || !sequence.Pending.TryAdd(id, (trade.TradeId, trade.TimeMs)))
        {
            return null;
        }

        sequence.Drain();
        return sequence.Pending.Count > _reorderWindow ? sequence.CloseFirstGap() : null;
    }

    /// <summary>Reports every hole still waiting for late trades and moves each sequence past it.</summary>
    public IReadOnlyList<FeedGapDetected> Flush()
    {
        var gaps = new List<FeedGapDetected>();
        foreach (var sequence in _sequences.Values)
        {
            while (sequence.Pending.Count > 0)
            {
                gaps.Add(sequence.CloseFirstGap());
            }
        }

        return gaps;
    }

    /// <summary>
    /// Returns the window a reconnect may have lost for <paramref name="instrument"/>: from the last trade in sequence
    /// (for untracked ids, the latest trade) to <paramref name="reconnectedAtMs"/>, reason <c>reconnect window</c>;
    /// null when no trade was seen yet.
    /// </summary>
    public FeedGapDetected? ReconnectWindow(InstrumentId instrument, long reconnectedAtMs) =>
        _sequences.TryGetValue(instrument, out var sequence) && sequence.HasLast
            ? new FeedGapDetected(instrument, reconnectedAtMs, sequence.LastId, string.Empty, sequence.LastTimeMs, reconnectedAtMs, "reconnect window")
            : null;

    private sealed class Sequence(InstrumentId instrument)
    {
        public bool Started { get; private set; }

        public bool HasLast { get; private set; }

        public UInt128 Next { get; private set; }

        public string LastId { get; private set; } = string.Empty;

        public long LastTimeMs { get; private set; }

        public long LatestTimeMs { get; set; } = long.MinValue;

        public SortedList<UInt128, (string Id, long TimeMs)> Pending { get; } = [];

        public void SeeUntracked(string text, long timeMs)
        {
            if (!Started && (!HasLast || timeMs >= LastTimeMs))
            {
                HasLast = true;
                LastId = text;
                LastTimeMs = timeMs;
            }
        }

        public void Accept(UInt128 id, string text, long timeMs)
        {
            Started = HasLast = true;
            Next = id + 1;
            LastId = text;
            LastTimeMs = timeMs;
        }

        // Moves past every waiting trade that is now in sequence.
        public void Drain()
        {
            while (Pending.Count > 0 && Pending.Keys[0] == Next)
            {
                var (text, timeMs) = Pending.Values[0];
                Pending.RemoveAt(0);
                Accept(Next, text, timeMs);
            }
        }

        public FeedGapDetected CloseFirstGap()
        {
            var first = Pending.Keys[0];
            var (text, timeMs) = Pending.Values[0];
            var gap = new FeedGapDetected(instrument, LatestTimeMs, LastId, text, LastTimeMs, timeMs, $"trade id gap {Next}..{first - 1}");
            Pending.RemoveAt(0);
            Accept(first, text, timeMs);
            Drain();
            return gap;
        }
    }
}
