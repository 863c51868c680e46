using ActorArb.Actors.Persistence.Postgres;

namespace ActorArb.Actors.Persistence;

/// <summary>
/// Copies every event of a finished in-memory run into the PostgreSQL store, stream by stream through binary
/// COPY. A backtest replays on the deterministic dispatcher against memory (so the replay never waits on I/O)
/// and is exported when it ends; event ids are deterministic, so exporting the same run twice writes nothing
/// the second time.
/// </summary>
public static class EventExport
{
    /// <summary>Returns the number of events written (0 when the run was already stored).</summary>
    public static async Task<long> CopyAsync(IEventStore from, PostgresEventStore to, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var streams = new Dictionary<string, List<EventData>>(StringComparer.Ordinal);
        var order = new List<string>();
        await foreach (var e in from.ReadAllAsync(0, cancellationToken).ConfigureAwait(false))
        {
            if (!streams.TryGetValue(e.StreamId, out var list))
            {
                list = [];
                streams.Add(e.StreamId, list);
                order.Add(e.StreamId);
            }

            list.Add(new EventData(e.EventId, e.Type, e.Payload, e.Metadata));
        }

        long written = 0;
        foreach (var stream in order)
        {
            written += (await to.BulkAppendAsync(stream, ExpectedVersion.Any, streams[stream], cancellationToken).ConfigureAwait(false)).Written;
        }

        return written;
    }
}
