using ActorArb.Actors.Persistence;
using ActorArb.Actors.Persistence.Postgres;
using ActorArb.Actors.Replay;
using ActorArb.Actors.Replay.Sources;
using ActorArb.Domain.Events;
using ActorArb.Domain.Execution;
using ActorArb.Domain.Market;
using ActorArb.Domain.Market.Aggregation;
using ActorArb.Domain.Market.Synthetic;
using ActorArb.Domain.Regimes;
using ActorArb.Domain.Risk;
using ActorArb.Domain.Strategies;
using ActorArb.Domain.Time;

namespace ActorArb.Actors.Tests.Persistence.Postgres;

/// <summary>A backtest recorded in PostgreSQL: every event of the run, once, in stream order, typed on read.</summary>
[Collection(PostgresCollection.Name)]
public sealed class EventExportSpecs(PostgresServer server)
{
    [Fact]
    public async Task Export_should_store_every_event_of_a_backtest_once_even_when_run_twice()
    {
        await using var pg = new PostgresEventStore(server.DataSource, PostgresServer.Options(server.NewSchemaName("export")));
        var memory = new InMemoryEventStore(new ManualClock());
        var outcome = await BacktestRunner.RunAsync(Plan(), memory);

        var first = await EventExport.CopyAsync(memory, pg);
        var second = await EventExport.CopyAsync(memory, pg);

        Assert.Equal(memory.Count, first);
        Assert.Equal(0, second);
        var fills = new List<OrderFilled>();
        await foreach (var e in pg.ReadStreamAsync("export-test/execution"))
        {
            fills.Add(Assert.IsType<OrderFilled>(e.Payload));
        }

        Assert.NotEmpty(fills);
        Assert.Equal(outcome.Fills, fills);
        var candles = 0;
        await foreach (var e in pg.ReadStreamAsync("export-test/candles/synthetic:USDC/USD"))
        {
            Assert.Equal(++candles, e.Version);
        }

        Assert.True(candles >= 3 * 1440);
    }

    private static BacktestPlan Plan()
    {
        var instrument = new Instrument(new InstrumentId("synthetic", "USDC/USD"), Price.Parse("0.0001"), Price.Parse("1"));
        return new BacktestPlan(
            "export-test",
            instrument,
            () => new SyntheticCandleSource(instrument, new SyntheticPegOptions { Bars = 3 * 1440, DepegStartBar = 1440 }),
            Timeframe.OneMinute,
            new CandleAggregatorOptions([Timeframe.Parse("1h")], TickSize: instrument.TickSize),
            new RegimeOptions(),
            Timeframe.OneMinute,
            () => new PegThresholdStrategy("peg", Timeframe.OneMinute, new PegThresholdOptions(Price.Parse("0.9985"), Price.Parse("1.0015"))),
            Timeframe.OneMinute,
            RiskLimits.None,
            new FillModel(10, 5, 1),
            10_000);
    }
}
