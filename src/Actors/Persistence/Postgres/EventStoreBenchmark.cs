using System.Diagnostics;
using ActorArb.Actors.Persistence.Serialization;
using ActorArb.Actors.Runtime;
using ActorArb.Domain.Events;
using ActorArb.Domain.Market;
using Npgsql;

namespace ActorArb.Actors.Persistence.Postgres;

/// <summary>
/// Measures the PostgreSQL event store against the in-memory one in the same run: bulk append (binary COPY),
/// one-event append latency, batched append throughput, and subscription lag while several writers append.
/// Payloads are real <see cref="CandleClosed"/> events. The run works in its own schema and drops it at the end.
/// </summary>
public static class EventStoreBenchmark
{
    /// <summary>Runs the benchmark against the database at <paramref name="connectionString"/> and returns its figures.</summary>
    public static async Task<EventStoreBenchResult> RunAsync(string connectionString, EventStoreBenchOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        options ??= new EventStoreBenchOptions();
        var names = new PostgresNames(options.Schema);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await DropSchemaAsync(dataSource, names, cancellationToken).ConfigureAwait(false);
        try
        {
            var store = new PostgresEventStore(dataSource, new PostgresEventStoreOptions
            {
                Schema = names.Schema,
                Serializer = new EventSerializer(EventTypeRegistry.CreateDefault().Register<LagProbe>()),
            });
            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
            var postgres = await MeasureAppendsAsync(store, store.BulkAppendAsync, options, cancellationToken).ConfigureAwait(false);
            var memory = new InMemoryEventStore(SystemClock.Instance);
            var inMemory = await MeasureAppendsAsync(memory, (s, v, e, t) => memory.AppendAsync(s, v, e, t).AsTask(), options, cancellationToken).ConfigureAwait(false);
            var (lagP50, lagP99, load) = await MeasureLagAsync(store, options, cancellationToken).ConfigureAwait(false);
            return new EventStoreBenchResult(options, postgres, inMemory, lagP50, lagP99, load);
        }
        finally
        {
            await DropSchemaAsync(dataSource, names, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static async Task<EventStoreBenchFigures> MeasureAppendsAsync(
        IEventStore store,
        Func<string, long, IReadOnlyList<EventData>, CancellationToken, Task<AppendResult>> bulkAppend,
        EventStoreBenchOptions options,
        CancellationToken cancellationToken)
    {
        // Warm up the code paths (JIT, connection pool, statement caches) outside the measurements.
        await bulkAppend("bench-warm-bulk", ExpectedVersion.NoStream, Candles("bench-warm-bulk", 5_000), cancellationToken).ConfigureAwait(false);
        var warm = Candles("bench-warm", 20);
        for (var i = 0; i < warm.Length; i++)
        {
            await store.AppendAsync("bench-warm", i, [warm[i]], cancellationToken).ConfigureAwait(false);
        }

        var bulk = Candles("bench-bulk", options.BulkEvents);
        var started = Stopwatch.GetTimestamp();
        await bulkAppend("bench-bulk", ExpectedVersion.NoStream, bulk, cancellationToken).ConfigureAwait(false);
        var bulkRate = options.BulkEvents / Stopwatch.GetElapsedTime(started).TotalSeconds;

        var streams = Math.Max(1, options.BulkParallelStreams);
        var parallel = Enumerable.Range(0, streams).Select(k => Candles($"bench-bulk-{k}", options.BulkEvents / streams)).ToArray();
        started = Stopwatch.GetTimestamp();
        await Task.WhenAll(parallel.Select((events, k) => Task.Run(() => bulkAppend($"bench-bulk-{k}", ExpectedVersion.NoStream, events, cancellationToken), cancellationToken))).ConfigureAwait(false);
        var parallelRate = parallel.Sum(p => p.Length) / Stopwatch.GetElapsedTime(started).TotalSeconds;

        var single = Candles("bench-single", options.SingleAppends);
        var singleMs = new double[single.Length];
        started = Stopwatch.GetTimestamp();
        for (var i = 0; i < single.Length; i++)
        {
            var t = Stopwatch.GetTimestamp();
            await store.AppendAsync("bench-single", i, [single[i]], cancellationToken).ConfigureAwait(false);
            singleMs[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
        }

        var singleRate = single.Length / Stopwatch.GetElapsedTime(started).TotalSeconds;

        var batched = Candles("bench-batched", options.Batches * options.BatchSize);
        var batchMs = new double[options.Batches];
        started = Stopwatch.GetTimestamp();
        for (var b = 0; b < options.Batches; b++)
        {
            var t = Stopwatch.GetTimestamp();
            await store.AppendAsync("bench-batched", (long)b * options.BatchSize, new ArraySegment<EventData>(batched, b * options.BatchSize, options.BatchSize), cancellationToken).ConfigureAwait(false);
            batchMs[b] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
        }

        var batchedRate = batched.Length / Stopwatch.GetElapsedTime(started).TotalSeconds;
        return new EventStoreBenchFigures(bulkRate, parallelRate, Percentile(singleMs, 0.50), Percentile(singleMs, 0.99), singleRate, batchedRate, Percentile(batchMs, 0.50), Percentile(batchMs, 0.99));
    }

    private static async Task<(double P50, double P99, double Load)> MeasureLagAsync(PostgresEventStore store, EventStoreBenchOptions options, CancellationToken cancellationToken)
    {
        var total = options.LagWriters * options.LagEventsPerWriter;
        var lags = new double[total];
        var received = 0;
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var from = await store.ReadHeadPositionAsync(cancellationToken).ConfigureAwait(false);
        var subscription = store.SubscribeAsync(
            "bench-lag",
            from,
            (e, _) =>
            {
                if (e.Payload is LagProbe probe)
                {
                    lags[received] = Stopwatch.GetElapsedTime(probe.SentTimestamp).TotalMilliseconds;
                    if (++received == total)
                    {
                        all.TrySetResult();
                    }
                }

                return ValueTask.CompletedTask;
            },
            stop.Token);

        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, options.LagWriters).Select(w => Task.Run(
            async () =>
            {
                var stream = $"bench-lag-{w}";
                var seed = EventIds.Seed(stream);
                var metadata = new EventMetadata(SourceNode: "bench");
                for (var i = 1; i <= options.LagEventsPerWriter; i++)
                {
                    var probe = new LagProbe(w, i, Stopwatch.GetTimestamp());
                    await store.AppendAsync(stream, i - 1, [EventData.Create(seed, i, probe, metadata)], cancellationToken).ConfigureAwait(false);
                }
            },
            cancellationToken))).ConfigureAwait(false);
        var load = total / Stopwatch.GetElapsedTime(started).TotalSeconds;

        await all.Task.WaitAsync(TimeSpan.FromMinutes(2), cancellationToken).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        await subscription.ConfigureAwait(false);
        return (Percentile(lags, 0.50), Percentile(lags, 0.99), load);
    }

    private static async Task DropSchemaAsync(NpgsqlDataSource dataSource, PostgresNames names, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"drop schema if exists {names.Schema} cascade");
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static EventData[] Candles(string stream, int count)
    {
        var instrument = new InstrumentId("kraken", "USDC/USD");
        var metadata = new EventMetadata(SourceNode: "bench");
        var seed = EventIds.Seed(stream);
        var events = new EventData[count];
        for (var i = 0; i < count; i++)
        {
            var close = new Price(999_000_000 + (i % 2_000) * 1_000);
            var candle = new Candle(instrument, Timeframe.OneMinute, 1_700_000_000_000 + i * 60_000L, close, close + new Price(5_000), close - new Price(7_000), close, i * 0.25, i % 40, CandleFlags.None);
            events[i] = EventData.Create(seed, i + 1, new CandleClosed(candle), metadata);
        }

        return events;
    }

    private static double Percentile(double[] values, double quantile)
    {
        if (values.Length == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
