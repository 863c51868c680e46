using System.Diagnostics;
using System.Globalization;
using ActorArb.Actors.Persistence;

namespace ActorArb.Actors.Runtime.Persistence;

/// <summary>
/// Measures how many events per second one <see cref="PersistentActor"/> persists on a thread-pool system: it is sent
/// <c>events / batch</c> commands at once, and each command persists <c>batch</c> events with
/// <see cref="PersistentActor.PersistAll{TEvent}"/> (one append), so the figure includes the actor's set-aside of
/// commands while each append is in flight, the store's round trip and the handlers.
/// </summary>
public static class PersistenceBenchmark
{
    /// <summary>
    /// Persists <paramref name="events"/> short string events to a new stream of <paramref name="store"/>,
    /// <paramref name="batch"/> per append, and returns the events per second, timed from the first command (after the
    /// actor has recovered, so a schema migration is not counted) to the last handler.
    /// </summary>
    public static async Task<double> RunAsync(IEventStore store, int events, int batch)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentOutOfRangeException.ThrowIfLessThan(events, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batch, 1);
        var system = ActorSystem.Create("persistence-benchmark");
        try
        {
            var streamId = "persistence-benchmark-" + Guid.NewGuid().ToString("N");
            var recovered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var writer = system.ActorOf(Props.Create(() => new BenchmarkWriter(store, streamId, events, recovered, finished)), "writer");
            await recovered.Task.ConfigureAwait(false);

            var commands = new List<string[]>();
            for (var first = 0; first < events; first += batch)
            {
                var payloads = new string[Math.Min(batch, events - first)];
                for (var i = 0; i < payloads.Length; i++)
                {
                    payloads[i] = (first + i).ToString(CultureInfo.InvariantCulture);
                }

                commands.Add(payloads);
            }

            var started = Stopwatch.GetTimestamp();
            foreach (var command in commands)
            {
                writer.Tell(command);
            }

            await finished.Task.ConfigureAwait(false);
            return events / Stopwatch.GetElapsedTime(started).TotalSeconds;
        }
        finally
        {
            await system.TerminateAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Persists each batch it is sent and completes <c>finished</c> after the last event's handler.</summary>
    private sealed class BenchmarkWriter(IEventStore store, string streamId, long total, TaskCompletionSource recovered, TaskCompletionSource finished)
        : PersistentActor(store)
    {
        private long _applied;

        public override string PersistenceId => streamId;

        protected override void Recover(object @event) => _applied++;

        protected override void OnRecoveryCompleted() => recovered.TrySetResult();

        protected override void OnPersistFailure(Exception cause, object @event)
        {
            finished.TrySetException(cause);
            base.OnPersistFailure(cause, @event);
        }

        protected override void Command(object message)
        {
            if (message is string[] payloads)
            {
                PersistAll(payloads, _ =>
                {
                    if (_applied == total)
                    {
                        finished.TrySetResult();
                    }
                });
            }
        }
    }
}
