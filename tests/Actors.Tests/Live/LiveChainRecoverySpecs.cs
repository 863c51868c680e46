using System.Globalization;
using System.Text.Json;
using ActorArb.Actors.Execution;
using ActorArb.Actors.Live;
using ActorArb.Actors.MarketData;
using ActorArb.Actors.Persistence;
using ActorArb.Actors.Persistence.Postgres;
using ActorArb.Actors.Persistence.Serialization;
using ActorArb.Actors.Portfolio;
using ActorArb.Actors.Replay;
using ActorArb.Actors.Risk;
using ActorArb.Actors.Runtime;
using ActorArb.Actors.Runtime.Persistence;
using ActorArb.Actors.Runtime.Testing;
using ActorArb.Actors.Tests.Persistence.Postgres;
using ActorArb.Actors.Tests.Persistence.Projections;
using ActorArb.Domain.Events;
using ActorArb.Domain.Market;
using ActorArb.Domain.Market.Aggregation;
using ActorArb.Domain.Portfolio;
using ActorArb.Domain.Risk;
using ActorArb.Domain.Strategies;
using ActorArb.Domain.Time;
using ActorArb.Simulator;

namespace ActorArb.Actors.Tests.Live;

/// <summary>
/// The live chain's strategy, risk, execution and portfolio are event-sourced: a run on PostgreSQL that trades, is torn
/// down without a stop (no checkpoint, no flush: as a kill leaves it) and restarts on the same store resumes every stage
/// with the state it had, recovered from its latest snapshot and the state records after it.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class LiveChainRecoverySpecs(PostgresServer server)
{
    /// <summary>2023-03-05T08:00:00Z.</summary>
    private const long Start = 1_678_003_200_000;
    private const string RunId = "live-chain";
    private static readonly InstrumentId Usdc = new("kraken", "USDC/USD");
    private static readonly CandleAggregatorOptions Candles = new([Timeframe.Parse("1h")], 0, EmitFlatCandles: true, Price.Parse("0.0001"));

    [Fact]
    public async Task LiveGraph_should_resume_every_stage_with_the_state_it_had_when_the_process_is_torn_down_without_a_stop()
    {
        // A trade every 5 s for 20 minutes around the peg, swinging by 15 to 35 bps, so a 0.05% swing trader buys and sells.
        var levels = new[] { 10_000, 10_000, 10_000, 9_985, 9_985, 9_990, 10_015, 10_015, 10_010, 9_980, 9_980, 9_985, 10_005, 10_020, 10_020, 10_000, 10_000, 10_000, 10_000, 10_000 };
        var ticks = Enumerable.Range(0, 240).Select(s => new TradeTick(Usdc, Start + (s * 5_000L), new Price((levels[s / 12] + (s % 3) - 1) * 100_000L), 5 + (s % 4), s % 2 == 0 ? Side.Buy : Side.Sell, (1_000 + s).ToString(CultureInfo.InvariantCulture))).ToList();
        const int Cut = 150;
        await using var simulator = await ExchangeSimulator.StartAsync(new SimulatorOptions
        {
            Feeds = [SimulatorFeed.FromTicks("kraken", Usdc.Symbol, ticks)],
            StartPaused = true,
        });
        var store = await ProjectionFixtures.NewStoreAsync(server, "livechain");
        var snapshots = new PostgresSnapshotStore(store);
        var plan = Plan(simulator);
        var scope = LiveGraph.Chain.StageScopeOf(RunId, Usdc);

        string[] before;
        await using (var graph = await LiveGraph.StartAsync(plan, store, snapshots: snapshots))
        {
            await WarmUpAsync(graph);
            simulator.Step(Cut);
            before = await QuiescentStatesAsync(graph);
        }

        // The run traded and stored snapshots, and records after the latest snapshot of some stage.
        var fills = (await LiveKit.EventsAsync(store, ExecutionActor.StreamOf(scope))).OfType<OrderFilled>().ToList();
        Assert.True(fills.Count >= 2, $"the swing trader should have bought and sold before the cut, filled {fills.Count}");
        var later = 0L;
        foreach (var stream in new[] { RiskManagerActor.StreamOf(scope), ExecutionActor.StreamOf(scope), PortfolioActor.StreamOf(scope) })
        {
            var snapshot = await snapshots.LoadLatestAsync(stream);
            Assert.NotNull(snapshot);
            later += await store.GetStreamVersionAsync(stream) - snapshot.Version;
        }

        Assert.True(later > 0, "some stage should hold records after its latest snapshot");

        await using (var graph = await LiveGraph.StartAsync(plan, store, snapshots: snapshots))
        {
            var restarted = States(graph);
            Assert.Equal(before, restarted);

            // The book the portfolio recovered is the fold of every fill execution stored.
            var ledger = new PortfolioLedger(plan.InitialCash);
            foreach (var fill in fills)
            {
                ledger.Apply(fill);
            }

            var portfolio = JsonSerializer.Deserialize<PortfolioProtocol.State>(before[3], EventSerializer.CreateOptions())!;
            Assert.Equal((ledger.Cash, ledger.PositionOf(Usdc)), (portfolio.Ledger.Cash, portfolio.Ledger.Positions.Single().Units));

            // The restarted chain goes on trading on its recovered state, its streams continuing where they stopped.
            var versions = await VersionsAsync(store, scope);
            simulator.Step(ticks.Count);
            await QuiescentStatesAsync(graph);
            var after = await VersionsAsync(store, scope);
            Assert.All(versions.Zip(after), v => Assert.True(v.Second > v.First, $"a stream stopped at version {v.First}"));

            // The trades the exchange replayed on subscribe, of minutes stored before the kill, made no candle twice.
            var minutes = (await LiveKit.EventsAsync(store, CandleAggregatorActor.StreamOf(RunId, Usdc))).OfType<CandleClosed>().Select(e => e.Candle).Where(c => c.Timeframe == Timeframe.OneMinute).Select(c => c.OpenTimeMs).ToList();
            Assert.True(minutes.Count >= 15, $"expected the minutes of both runs, got {minutes.Count}");
            Assert.Equal(minutes.Order().Distinct(), minutes);
        }
    }

    [Fact]
    public async Task StageActor_should_refuse_to_recover_a_stream_written_before_stages_recorded_their_state()
    {
        var store = new InMemoryEventStore(new ManualClock(Start));
        var intent = new OrderIntent(Start, "peg", Usdc, Side.Buy, new OrderSize.AllCash(1), Price.Parse("0.999"), "dip");
        await store.AppendAsync("legacy/risk", ExpectedVersion.NoStream, [EventData.Create(EventIds.Seed("legacy/risk"), 1, new OrderApproved(Start, 1, intent, 100, 0), EventMetadata.Empty)]);
        await using var system = ActorSystem.Create("legacy");
        var failures = new TestProbe(system, "failures");
        system.EventStream.Subscribe(failures, typeof(ActorFailed));
        var watcher = new TestProbe(system, "watcher");
        var risk = system.ActorOf(RiskManagerActor.Props(RiskLimits.None, new Instrument(Usdc, Price.Parse("0.0001")), Timeframe.OneMinute, 1_000, system.DeadLetters, new StagePersistence(store), "legacy"), "risk");
        watcher.Watch(risk);

        var failed = failures.ExpectMsg<ActorFailed>(TimeSpan.FromSeconds(10));
        Assert.Equal(Directive.Stop, failed.Directive);
        Assert.Contains("stream 'legacy/risk' holds 1 events but no state record", failed.Cause.Message, StringComparison.Ordinal);
        Assert.Contains("start a new run id", failed.Cause.Message, StringComparison.Ordinal);
        watcher.ExpectMsg<Terminated>(TimeSpan.FromSeconds(10));
    }

    private static LivePlan Plan(ExchangeSimulator simulator) => LiveKit.Plan(
        RunId,
        [LiveKit.EventTimeFeed(simulator, Usdc)],
        Candles,
        () => new SwingStrategy("swing", Timeframe.OneMinute, new SwingOptions(0.05)),
        new RiskLimits(MaxDrawdown: 0.5, DailyLossLimit: 0.5, HaltOnFlashCrash: false, HaltOnDepeg: false)) with
    {
        SnapshotEvery = 4,
    };

    private static async Task WarmUpAsync(LiveGraph graph)
    {
        Assert.True(await LiveKit.ConnectedAsync(graph), "the feed should connect to the simulator");
        await Task.Delay(500);
    }

    /// <summary>Waits until the stages' versions stop moving, then returns their states.</summary>
    private static async Task<string[]> QuiescentStatesAsync(LiveGraph graph)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        var last = await StatusAsync(graph);
        while (DateTime.UtcNow < until)
        {
            await Task.Delay(750);
            var now = await StatusAsync(graph);
            if (now.SequenceEqual(last) && now.All(v => v > 0))
            {
                return States(graph);
            }

            last = now;
        }

        throw new TimeoutException("the chain did not settle within a minute");
    }

    private static async Task<long[]> StatusAsync(LiveGraph graph)
    {
        var versions = new List<long>();
        foreach (var stage in graph.Chains.Single().Stages)
        {
            versions.Add((await stage.Ask<PersistenceProtocol.Status>(new PersistenceProtocol.GetStatus(), TimeSpan.FromSeconds(10))).Version);
        }

        return [.. versions];
    }

    /// <summary>Returns the strategy's, risk's, execution's and portfolio's states as JSON (exact, comparable).</summary>
    private static string[] States(LiveGraph graph)
    {
        var chain = graph.Chains.Single();
        var probe = new TestProbe(((IInternalActorRef)chain.Risk).System);
        var states = new List<string>();
        foreach (var stage in chain.Stages)
        {
            stage.Tell(new TakeCheckpoint(probe));
            var state = probe.ExpectMsg<object>(TimeSpan.FromSeconds(10));
            states.Add(EventSerializer.Default.Serialize(state is PortfolioProtocol.State p ? p with { Equity = [], Marks = [], Fills = [], EquityFrom = 0, FillsFrom = 0 } : state));
        }

        return [.. states];
    }

    private static async Task<long[]> VersionsAsync(IEventStore store, string scope)
    {
        var versions = new List<long>();
        foreach (var stream in new[] { RiskManagerActor.StreamOf(scope), ExecutionActor.StreamOf(scope), PortfolioActor.StreamOf(scope) })
        {
            versions.Add(await store.GetStreamVersionAsync(stream));
        }

        return [.. versions];
    }
}
