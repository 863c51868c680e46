using System.Globalization;
using ActorArb.Actors.Persistence;
using ActorArb.Actors.Persistence.Postgres;
using ActorArb.Actors.Persistence.Serialization;
using ActorArb.Domain.Time;
using ActorArb.Host.Composition;

namespace ActorArb.Host.Commands;

/// <summary>
/// <c>actorarb events tail</c> and <c>actorarb events stream ID</c>: print stored events from the PostgreSQL
/// store, one per line: position, time, stream, version, type and the event as JSON.
/// </summary>
internal static class EventsCommand
{
    public static async Task<int> RunAsync(CommandLine line)
    {
        var verb = line.Verbs.Count > 1 ? line.Verbs[1] : throw new UsageException("events: expected `events tail` or `events stream ID`");
        var persistence = PersistenceSettings.Bind(BacktestCommand.Parse(line.Get("config") ?? "config.hocon"));
        var from = line.GetLong("from") ?? 0;
        var limit = line.GetLong("limit") ?? long.MaxValue;
        var follow = line.Flag("follow");
        line.EnsureAllRead($"events {verb}");
        await using var store = await persistence.OpenPostgresAsync().ConfigureAwait(false);
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        switch (verb)
        {
            case "tail":
                await TailAsync(store, from, limit, follow, stop.Token).ConfigureAwait(false);
                return 0;
            case "stream" when line.Verbs.Count == 3:
                var printed = 0L;
                await foreach (var e in store.ReadStreamAsync(line.Verbs[2], from, stop.Token).ConfigureAwait(false))
                {
                    if (printed++ == limit)
                    {
                        break;
                    }

                    Print(e);
                }

                return 0;
            default:
                throw new UsageException("events: expected `events tail [--from POSITION] [--limit N] [--follow]` or `events stream ID [--from VERSION]`");
        }
    }

    private static async Task TailAsync(PostgresEventStore store, long from, long limit, bool follow, CancellationToken cancellation)
    {
        var position = from;
        var printed = 0L;
        try
        {
            while (true)
            {
                await foreach (var e in store.ReadAllAsync(position, cancellation).ConfigureAwait(false))
                {
                    if (printed++ == limit)
                    {
                        return;
                    }

                    Print(e);
                    position = e.Position;
                }

                if (!follow)
                {
                    return;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellation).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // Ctrl-C while following is the normal way out.
        }
    }

    private static void Print(RecordedEvent e) =>
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{e.Position}\t{UnixTime.ToIso(e.TimestampMs)}\t{e.StreamId}\t{e.Version}\t{e.Type}\t{EventSerializer.Default.Serialize(e.Payload)}"));
}
