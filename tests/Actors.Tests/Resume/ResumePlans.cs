using System.Text.Json;
using ActorArb.Actors.Persistence;
using ActorArb.Actors.Persistence.Serialization;
using ActorArb.Actors.Replay;
using ActorArb.Actors.Replay.Sources;
using ActorArb.Domain.Execution;
using ActorArb.Domain.Market;
using ActorArb.Domain.Market.Aggregation;
using ActorArb.Domain.Market.Synthetic;
using ActorArb.Domain.Regimes;
using ActorArb.Domain.Risk;
using ActorArb.Domain.Strategies;

namespace ActorArb.Actors.Tests.Resume;

/// <summary>Plans and comparisons shared by the resume specs.</summary>
internal static class ResumePlans
{
    private static readonly Instrument Usdc = new(new InstrumentId("synthetic", "USDC/USD"), Price.Parse("0.0001"), Price.Parse("1"));

    /// <summary>
    /// Returns a synthetic de-peg replay of <paramref name="days"/> days in batches of 1024 bars: the peg strategy with
    /// no latency, or (with <paramref name="swing"/>) the stateful swing strategy with orders that stay working for two bars.
    /// </summary>
    public static BacktestPlan Plan(string runId, int days, bool swing) => new(
        runId,
        Usdc,
        () => new SyntheticCandleSource(Usdc, new SyntheticPegOptions(Bars: days * 1440)),
        Timeframe.OneMinute,
        new CandleAggregatorOptions([Timeframe.Parse("1h"), Timeframe.Parse("1d")], EmitFlatCandles: true, TickSize: Usdc.TickSize),
        new RegimeOptions(),
        Timeframe.OneMinute,
        swing
            ? () => new SwingStrategy("swing", Timeframe.OneMinute, new SwingOptions(0.2))
            : () => new PegThresholdStrategy("peg", Timeframe.OneMinute, new PegThresholdOptions(Price.Parse("0.9975"), Price.Parse("1.0010"))),
        Timeframe.OneMinute,
        new RiskLimits(DailyLossLimit: 0.01),
        new FillModel(10, 5, 2, LatencyMs: swing ? 120_000 : 0),
        10_000,
        BatchSize: 1024);

    /// <summary>Asserts that two outcomes agree on every figure a report shows.</summary>
    public static void AssertSameOutcome(BacktestOutcome expected, BacktestOutcome actual)
    {
        Assert.Equal(expected.Equity, actual.Equity);
        Assert.Equal(expected.Prices, actual.Prices);
        Assert.Equal(expected.Trades, actual.Trades);
        Assert.Equal(expected.Fills, actual.Fills);
        Assert.Equal(Json(expected.Rejections), Json(actual.Rejections));
        Assert.Equal(expected.RegimeChanges, actual.RegimeChanges);
        Assert.Equal(expected.RiskEvents, actual.RiskEvents);
        Assert.Equal(Json(expected.Metrics), Json(actual.Metrics));
        Assert.Equal(expected.EventsPersisted, actual.EventsPersisted);
        Assert.Equal(expected.MessagesProcessed, actual.MessagesProcessed);
    }

    /// <summary>Asserts that two stores hold the same streams: same ids, versions, types and payloads, none twice.</summary>
    public static async Task AssertSameEventsAsync(IEventStore expected, IEventStore actual)
    {
        var a = await StreamsAsync(expected);
        var b = await StreamsAsync(actual);
        Assert.Equal(a.Keys.Order(StringComparer.Ordinal), b.Keys.Order(StringComparer.Ordinal));
        foreach (var (stream, events) in a)
        {
            Assert.Equal(events, b[stream]);
        }

        var ids = b.Values.SelectMany(e => e).Select(e => e.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    /// <summary>Returns every stream's events as (version, id, type, payload JSON).</summary>
    public static async Task<Dictionary<string, List<(long Version, Guid Id, string Type, string Payload)>>> StreamsAsync(IEventStore store)
    {
        var streams = new Dictionary<string, List<(long, Guid, string, string)>>(StringComparer.Ordinal);
        await foreach (var e in store.ReadAllAsync())
        {
            if (!streams.TryGetValue(e.StreamId, out var list))
            {
                streams[e.StreamId] = list = [];
            }

            list.Add((e.Version, e.EventId, e.Type, EventSerializer.Default.Serialize(e.Payload)));
        }

        return streams;
    }

    private static string Json(object value) => JsonSerializer.Serialize(value, value.GetType(), EventSerializer.CreateOptions());
}
