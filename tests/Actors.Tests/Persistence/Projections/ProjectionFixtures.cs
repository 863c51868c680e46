using ActorArb.Actors.Persistence;
using ActorArb.Actors.Persistence.Postgres;
using ActorArb.Actors.Persistence.Projections;
using ActorArb.Actors.Tests.Persistence.Postgres;
using ActorArb.Domain.Events;
using ActorArb.Domain.Market;

namespace ActorArb.Actors.Tests.Persistence.Projections;

/// <summary>Candle data, event appends and table reads shared by the projection specs.</summary>
internal static class ProjectionFixtures
{
    /// <summary>2023-03-01T00:00Z, a whole day in Unix milliseconds.</summary>
    public const long Start = 1_677_628_800_000;

    public static readonly InstrumentId Btc = new("kraken", "BTC/USD");

    /// <summary>
    /// Returns <paramref name="count"/> 1m candles from <see cref="Start"/> with prices using all nine decimals
    /// (large and small), volumes that are not short decimals in binary, trade counts and a few flat bars.
    /// </summary>
    public static List<Candle> Minutes(InstrumentId instrument, int count, int seed)
    {
        var random = new Random(seed);
        var candles = new List<Candle>(count);
        var close = 28_000_123_456_789L;
        for (var i = 0; i < count; i++)
        {
            var open = close;
            close = Math.Max(1, open + random.NextInt64(-5_000_000_000, 5_000_000_001));
            var flat = i % 97 == 13;
            if (flat)
            {
                close = open;
            }

            var high = flat ? open : Math.Max(open, close) + random.NextInt64(0, 3_000_000_000);
            var low = flat ? open : Math.Max(1, Math.Min(open, close) - random.NextInt64(0, 3_000_000_000));
            candles.Add(new Candle(
                instrument,
                Timeframe.OneMinute,
                Start + (i * 60_000L),
                new Price(open),
                new Price(high),
                new Price(low),
                new Price(close),
                flat ? 0 : random.NextDouble() * 10 / 3,
                flat ? 0 : random.Next(1, 500),
                flat ? CandleFlags.Flat : CandleFlags.None));
        }

        return candles;
    }

    /// <summary>Rolls 1m candles up into 1h candles; an hour missing minutes is flagged partial.</summary>
    public static List<Candle> Hours(IReadOnlyList<Candle> minutes)
    {
        var hour = new Timeframe(3_600_000);
        return minutes
            .GroupBy(c => hour.Floor(c.OpenTimeMs))
            .Select(g => new Candle(
                g.First().Instrument,
                hour,
                g.Key,
                g.First().Open,
                g.Max(c => c.High),
                g.Min(c => c.Low),
                g.Last().Close,
                g.Aggregate(0.0, (sum, c) => sum + c.Volume),
                g.Sum(c => c.TradeCount),
                g.Count() == 60 ? CandleFlags.None : CandleFlags.Partial))
            .ToList();
    }

    /// <summary>Returns the <see cref="CandleClosed"/> events of <paramref name="candles"/> for <paramref name="stream"/>, with deterministic ids.</summary>
    public static List<EventData> Closed(string stream, IEnumerable<Candle> candles, long firstSequence = 1) =>
        candles.Select((c, i) => Event(stream, firstSequence + i, new CandleClosed(c))).ToList();

    /// <summary>Returns <paramref name="payload"/> as event data with the deterministic id of (stream, sequence).</summary>
    public static EventData Event(string stream, long sequence, object payload) =>
        new(EventIds.For(stream, sequence), EventTypeNames.Of(payload), payload, EventMetadata.Empty);

    /// <summary>Returns a store of its own schema on the test server, migrated.</summary>
    public static async Task<PostgresEventStore> NewStoreAsync(PostgresServer server, string prefix)
    {
        var store = new PostgresEventStore(server.DataSource, PostgresServer.Options(server.NewSchemaName(prefix)));
        await store.MigrateAsync();
        return store;
    }

    /// <summary>Returns the candles table as candles, ordered by key.</summary>
    public static async Task<List<Candle>> ReadCandlesAsync(PostgresEventStore store)
    {
        await using var command = store.DataSource.CreateCommand(
            $"select exchange, symbol, timeframe, open_time, open, high, low, close, volume, trade_count, flags from {store.Schema}.candles");
        await using var reader = await command.ExecuteReaderAsync();
        var candles = new List<Candle>();
        while (await reader.ReadAsync())
        {
            candles.Add(new Candle(
                new InstrumentId(reader.GetString(0), reader.GetString(1)),
                Timeframe.Parse(reader.GetString(2)),
                (reader.GetFieldValue<DateTime>(3).Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond,
                Price.FromDecimal(reader.GetDecimal(4)),
                Price.FromDecimal(reader.GetDecimal(5)),
                Price.FromDecimal(reader.GetDecimal(6)),
                Price.FromDecimal(reader.GetDecimal(7)),
                reader.GetDouble(8),
                reader.GetInt32(9),
                (CandleFlags)reader.GetInt16(10)));
        }

        return Sorted(candles);
    }

    /// <summary>Returns the candles ordered by (exchange, symbol, timeframe, open time), the table's key.</summary>
    public static List<Candle> Sorted(IEnumerable<Candle> candles) =>
        candles
            .OrderBy(c => c.Instrument.Exchange, StringComparer.Ordinal)
            .ThenBy(c => c.Instrument.Symbol, StringComparer.Ordinal)
            .ThenBy(c => c.Timeframe.Ms)
            .ThenBy(c => c.OpenTimeMs)
            .ToList();

    /// <summary>Returns the candles the log holds up to <paramref name="upTo"/>, the last event per key winning.</summary>
    public static async Task<List<Candle>> ExpectedCandlesAsync(PostgresEventStore store, long upTo = long.MaxValue)
    {
        var latest = new Dictionary<(InstrumentId, Timeframe, long), Candle>();
        await foreach (var e in store.ReadAllAsync())
        {
            if (e.Position <= upTo && e.Payload is CandleClosed { Candle: var c })
            {
                latest[(c.Instrument, c.Timeframe, c.OpenTimeMs)] = c;
            }
        }

        return Sorted(latest.Values);
    }

    /// <summary>Returns the position of the last event in the log.</summary>
    public static async Task<long> HeadAsync(PostgresEventStore store) =>
        (long)(await Scalar(store, $"select coalesce(max(position), 0) from {store.Schema}.events"))!;

    /// <summary>Runs <paramref name="sql"/> and returns its first column of its first row.</summary>
    public static async Task<object?> Scalar(PostgresEventStore store, string sql)
    {
        await using var command = store.DataSource.CreateCommand(sql);
        return await command.ExecuteScalarAsync();
    }

    /// <summary>Returns each row's transaction id (xmin) by key, which changes whenever a row is rewritten.</summary>
    public static async Task<Dictionary<string, string>> RowVersionsAsync(PostgresEventStore store, string table, string key)
    {
        await using var command = store.DataSource.CreateCommand($"select ({key})::text, xmin::text from {store.Schema}.{table}");
        await using var reader = await command.ExecuteReaderAsync();
        var versions = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            versions.Add(reader.GetString(0), reader.GetString(1));
        }

        return versions;
    }

    /// <summary>Moves a projection's checkpoint back to <paramref name="position"/>, as an operator rebuilding it would.</summary>
    public static Task RewindAsync(PostgresEventStore store, string projection, long position) =>
        Scalar(store, $"update {store.Schema}.projection_checkpoints set position = {position} where name = '{projection}'");

    /// <summary>Returns how many store subscription checkpoints projection runners left behind.</summary>
    public static async Task<long> LeftoverSubscribersAsync(PostgresEventStore store) =>
        (long)(await Scalar(store, $"select count(*) from {store.Schema}.checkpoints where subscriber like 'projection:%'"))!;

    /// <summary>Returns a runner of a single <paramref name="projection"/>.</summary>
    public static ProjectionRunner Runner(PostgresEventStore store, IProjection projection, int batchSize = ProjectionRunner.DefaultBatchSize) =>
        new(store, [projection], batchSize);
}
