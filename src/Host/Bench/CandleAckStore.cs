using System.Collections.Concurrent;
using System.Diagnostics;
using ActorArb.Actors.Persistence;
using ActorArb.Domain.Events;
using ActorArb.Domain.Market;

namespace ActorArb.Host.Bench;

/// <summary>
/// An <see cref="IEventStore"/> that passes everything to another and notes, for each 1m <see cref="CandleClosed"/>,
/// the <see cref="Stopwatch"/> timestamp at which the store acknowledged the append holding it (the returned task
/// completed), by the candle's open time; and how many candle events were acknowledged. The journal is left as it is:
/// an append the inner store completes at once still completes at once, so the journal's fast path is unchanged.
/// </summary>
internal sealed class CandleAckStore(IEventStore inner) : IEventStore
{
    private readonly ConcurrentDictionary<(InstrumentId Instrument, long OpenTimeMs), long> _acked = new();
    private long _candles;

    /// <summary>Gets how many <see cref="CandleClosed"/> events (every timeframe) have been acknowledged.</summary>
    public long CandlesAcked => Interlocked.Read(ref _candles);

    /// <summary>Returns the acknowledgement timestamp of the 1m candle of <paramref name="instrument"/> opening at <paramref name="openTimeMs"/>, or null.</summary>
    public long? AckedAt(InstrumentId instrument, long openTimeMs) => _acked.TryGetValue((instrument, openTimeMs), out var at) ? at : null;

    /// <inheritdoc />
    public ValueTask<AppendResult> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default)
    {
        var pending = inner.AppendAsync(streamId, expectedVersion, events, cancellationToken);
        if (pending.IsCompletedSuccessfully)
        {
            Acknowledged(events);
            return pending;
        }

        return new ValueTask<AppendResult>(AcknowledgedLater(pending.AsTask(), events));
    }

    /// <inheritdoc />
    public IAsyncEnumerable<RecordedEvent> ReadStreamAsync(string streamId, long afterVersion = 0, CancellationToken cancellationToken = default) =>
        inner.ReadStreamAsync(streamId, afterVersion, cancellationToken);

    /// <inheritdoc />
    public ValueTask<long> GetStreamVersionAsync(string streamId, CancellationToken cancellationToken = default) =>
        inner.GetStreamVersionAsync(streamId, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<RecordedEvent> ReadAllAsync(long afterPosition = 0, CancellationToken cancellationToken = default) =>
        inner.ReadAllAsync(afterPosition, cancellationToken);

    private async Task<AppendResult> AcknowledgedLater(Task<AppendResult> pending, IReadOnlyList<EventData> events)
    {
        var result = await pending.ConfigureAwait(false);
        Acknowledged(events);
        return result;
    }

    private void Acknowledged(IReadOnlyList<EventData> events)
    {
        var now = Stopwatch.GetTimestamp();
        foreach (var e in events)
        {
            if (e.Payload is CandleClosed { Candle: var candle })
            {
                Interlocked.Increment(ref _candles);
                if (candle.Timeframe == Timeframe.OneMinute)
                {
                    _acked.TryAdd((candle.Instrument, candle.OpenTimeMs), now);
                }
            }
        }
    }
}
