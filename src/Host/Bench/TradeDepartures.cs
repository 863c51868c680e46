using ActorArb.Simulator;

namespace ActorArb.Host.Bench;

/// <summary>
/// When each trade of a one-feed simulator left it: the timestamp of the first written frame that carried the trade
/// (<see cref="SimulatorOptions.OnTradeFrameWritten"/>), by the trade's 1-based published position. A trade the
/// WebSocket never carried (published while the connection was down, refilled from REST) has none.
/// </summary>
internal sealed class TradeDepartures(int trades)
{
    private readonly long[] _writtenAt = new long[trades + 1];

    /// <summary>Notes a written frame; called on the simulator's send loop, so it only stores.</summary>
    public void OnWritten(TradeFrameWritten frame)
    {
        var last = Math.Min(frame.LastOrdinal, _writtenAt.Length - 1);
        for (var ordinal = frame.FirstOrdinal; ordinal <= last; ordinal++)
        {
            // The first write wins: a connection that overlaps its successor for a moment must not move a trade later.
            Interlocked.CompareExchange(ref _writtenAt[ordinal], frame.Timestamp, 0);
        }
    }

    /// <summary>Returns the timestamp of the first frame that carried the trade at <paramref name="ordinal"/>, or null.</summary>
    public long? WrittenAt(long ordinal) =>
        ordinal > 0 && ordinal < _writtenAt.Length && Volatile.Read(ref _writtenAt[ordinal]) is var at && at != 0 ? at : null;
}
