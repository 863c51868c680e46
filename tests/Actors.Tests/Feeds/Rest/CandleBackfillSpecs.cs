using ActorArb.Actors.Feeds.Rest;
using ActorArb.Actors.Persistence;
using ActorArb.Actors.Tests.Persistence.Postgres;
using ActorArb.Domain.Events;
using ActorArb.Domain.Market;
using ActorArb.Simulator;
using static ActorArb.Actors.Tests.Feeds.Rest.RestKit;
using static ActorArb.Actors.Tests.Persistence.Projections.ProjectionFixtures;

namespace ActorArb.Actors.Tests.Feeds.Rest;

/// <summary>Backfill from the simulator into a real PostgreSQL: the candles of the source, incrementally, resumably.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CandleBackfillSpecs(PostgresServer server)
{
    private const int Count = 3_000;

    /// <summary>About 60 hours of trades: several pages of bars on every venue, so a seeded share of them meets 429s.</summary>
    private const int LongCount = 15_000;

    public static TheoryData<string, string> Venues => RestHistoryClientSpecs.Venues;

    [Theory]
    [MemberData(nameof(Venues))]
    public async Task Backfill_should_store_the_candles_built_from_the_source_despite_429s_and_write_nothing_when_run_again(string venue, string symbol)
    {
        var ticks = Market(venue, symbol, LongCount);
        await using var sim = await PublishedAsync(venue, symbol, ticks, SimulatorFaults.None with { RestRateLimitFraction = 0.3, RetryAfter = TimeSpan.Zero });
        using var transport = Transport(sim, venue);
        var store = await NewStoreAsync(server, "backfill_" + venue);
        var backfill = new CandleBackfill(store, RestHistoryClients.Create(transport), new CandleBackfillOptions { BatchSize = 250 });
        var request = new BackfillRequest(symbol, Timeframe.OneMinute, StartMs, LastMinute(ticks));
        var reports = new List<BackfillProgress>();

        var first = await backfill.RunAsync(request, reports.Add);
        var again = await backfill.RunAsync(request);

        var expected = Minutes(ticks, LastMinute(ticks));
        AssertSameBars(expected, await ReadCandlesAsync(store), countsKnown: venue != "coinbase");
        Assert.Equal((expected.Count, 0L, 0L), (first.Expected, first.AlreadyPresent, first.StillMissing));
        Assert.Equal(expected.Count, first.Written);
        Assert.Equal(venue == "coinbase" ? expected.Count(c => c.Flags == CandleFlags.Flat) : 0, first.FlatsFilled);
        Assert.Equal(expected.Count, first.Fetched + first.FlatsFilled);
        Assert.Equal((1, 1), (first.Gaps, first.GapsClosed));
        Assert.True(first.Rest.RateLimited > 0 && first.Rest.Retries >= first.Rest.RateLimited, $"the premise: 429s were met and retried ({first.Rest})");
        Assert.Equal(new BackfillProgress(expected.Count, expected.Count), reports[^1]);
        Assert.True(reports.Count > 4, "progress is reported batch by batch");

        Assert.Equal((expected.Count, 0L, 0L, 0), (again.AlreadyPresent, again.Written, again.Rest.Requests, again.Gaps));
        Assert.Equal(expected.Count, await server.ScalarAsync($"select count(*) from {store.Schema}.events"));
    }

    [Fact]
    public async Task Backfill_should_fetch_only_the_missing_runs_and_fill_idle_minutes_up_to_a_stored_bar()
    {
        const string Venue = "coinbase";
        var ticks = Market(Venue, "USDC/USD", Count);
        await using var sim = await PublishedAsync(Venue, "USDC/USD", ticks);
        using var transport = Transport(sim, Venue);
        var store = await NewStoreAsync(server, "backfill_partial");
        var expected = Minutes(ticks, LastMinute(ticks));

        // A live feed already closed two stretches of bars, flats included, one of them right after a silence.
        var silence = expected.FindIndex(c => c.Flags == CandleFlags.Flat);
        var held = expected.Skip(100).Take(50).Concat(expected.Skip(silence + 2).Take(40)).ToList();
        await store.AppendAsync("live/candles/coinbase:USDC/USD", ExpectedVersion.Any, Closed("live/candles/coinbase:USDC/USD", held));
        var result = await new CandleBackfill(store, RestHistoryClients.Create(transport)).RunAsync(new BackfillRequest("USDC-USD", Timeframe.OneMinute, StartMs, LastMinute(ticks)));

        // Coinbase gives no trade counts: only the bars the feed closed have them.
        AssertSameBars(expected.Select(c => held.Contains(c) ? c : c with { TradeCount = 0 }).ToList(), await ReadCandlesAsync(store), countsKnown: true);
        Assert.Equal((90L, 3, 3), (result.AlreadyPresent, result.Gaps, result.GapsClosed));
        Assert.Equal(expected.Count - 90, result.Written);
        var backfilled = await store.ReadStreamAsync(result.StreamId).Select(e => ((CandleClosed)e.Payload).Candle.OpenTimeMs).ToListAsync();
        Assert.Equal(expected.Count - 90, backfilled.Count);
        Assert.Empty(backfilled.Intersect(held.Select(c => c.OpenTimeMs)));
    }

    [Theory]
    [MemberData(nameof(Venues))]
    public async Task Backfill_should_end_as_an_uninterrupted_run_when_cancelled_midway_and_run_again(string venue, string symbol)
    {
        var ticks = Market(venue, symbol, Count);
        await using var sim = await PublishedAsync(venue, symbol, ticks);
        using var transport = Transport(sim, venue);
        var client = RestHistoryClients.Create(transport);
        var request = new BackfillRequest(symbol, Timeframe.OneMinute, StartMs, LastMinute(ticks));
        var options = new CandleBackfillOptions { BatchSize = 100 };
        var clean = await NewStoreAsync(server, "backfill_clean_" + venue);
        var resumed = await NewStoreAsync(server, "backfill_resumed_" + venue);

        await new CandleBackfill(clean, client, options).RunAsync(request);
        using var cancel = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new CandleBackfill(resumed, client, options).RunAsync(
            request,
            p =>
            {
                if (p.BarsDone >= 300)
                {
                    cancel.Cancel();
                }
            },
            cancel.Token));
        var storedAtCancel = await server.ScalarAsync($"select count(*) from {resumed.Schema}.events");
        var finished = await new CandleBackfill(resumed, client, options).RunAsync(request);

        Assert.InRange(storedAtCancel, 300, 400);
        Assert.Equal(storedAtCancel, finished.AlreadyPresent);
        Assert.Equal(await ReadCandlesAsync(clean), await ReadCandlesAsync(resumed));
        const string Events = "select version, event_id, type, data::text from {0}.events order by version";
        Assert.Equal(await server.RowsAsync(string.Format(Events, clean.Schema)), await server.RowsAsync(string.Format(Events, resumed.Schema)));
    }
}
