using System.Globalization;
using ActorArb.Actors.Feeds;
using ActorArb.Actors.Feeds.Rest;
using ActorArb.Actors.Feeds.WebSockets;
using ActorArb.Actors.Live;
using ActorArb.Actors.Persistence;
using ActorArb.Actors.Persistence.Postgres;
using ActorArb.Actors.Runtime;
using ActorArb.Domain.Market;
using ActorArb.Host.Composition;

namespace ActorArb.Host.Commands;

/// <summary>
/// <c>actorarb run</c>: the long-running live (paper) service. The enabled venues of the <c>feeds</c> section stream
/// trades into the backtest section's chain per instrument (candles, regimes, strategy, risk, paper execution,
/// portfolio), every event persisted; feed gaps are refilled from REST; an unhealthy or stale feed halts new exposure.
/// The strategy, risk, execution and portfolio stages store every command, so a restart with the same run id, even after
/// the process was killed, recovers them from their snapshots and streams. SIGTERM or Ctrl-C stops the feeds,
/// checkpoints the candle aggregators' open bars and flushes the journal; a restart resumes those bars too. With
/// <c>backtest.strategy.type = spread</c> the venues' instruments are the spread's legs and feed the one cross-exchange
/// arbitrage instead.
/// </summary>
internal static class RunCommand
{
    /// <summary>The sample durations that the errors of <c>--duration</c>, <c>--checkpoint-every</c> and <c>--stale-after</c> offer.</summary>
    private const string RunDurationExample = "30s, 5m or 1h";

    public static async Task<int> RunAsync(CommandLine line)
    {
        var config = BacktestCommand.Parse(line.Get("config") ?? "config.hocon");
        var backtest = BacktestSettings.Bind(config);
        var feeds = FeedSettings.Bind(config);
        var persistence = PersistenceSettings.Bind(config).WithStore(line.Get("store"));
        var quiet = line.Flag("quiet");
        var duration = line.GetDuration("duration", RunDurationExample);
        var checkpointEvery = line.GetDuration("checkpoint-every", RunDurationExample) ?? TimeSpan.FromMinutes(5);
        var staleAfter = line.GetDuration("stale-after", RunDurationExample) ?? TimeSpan.FromSeconds(30);
        var runId = line.Get("run-id") ?? "live-" + backtest.Fingerprint()[3..];
        line.EnsureAllRead("run");
        if (!feeds.Enabled.Any())
        {
            throw new UsageException("run: no venue is enabled; set feeds.<venue>.enabled = true (and its symbols) in the config");
        }

        var transports = new List<RestTransport>();
        await using var pg = persistence.Store == "postgres" ? await persistence.OpenPostgresAsync().ConfigureAwait(false) : null;
        IEventStore store = pg ?? (IEventStore)new InMemoryEventStore(SystemClock.Instance);
        try
        {
            var plan = Plan(backtest, feeds, runId, staleAfter, transports);
            var snapshots = pg is null ? (ISnapshotStore)new InMemorySnapshotStore() : new PostgresSnapshotStore(pg);
            await using var graph = await LiveGraph.StartAsync(plan with { SnapshotEvery = persistence.SnapshotEvery }, store, snapshots: snapshots).ConfigureAwait(false);
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {runId}: {string.Join(", ", plan.Feeds.Select(f => $"{f.Options.Flavour} {string.Join('/', f.Options.Symbols)} at {f.Options.Endpoint}"))}; {persistence.Store} store; {graph.Resumed} of {graph.Checkpointed} chains resumed from a checkpoint"));
            using (var stop = new StopSignal())
            {
                if (duration is { } limit)
                {
                    stop.After(limit);
                }

                await ServeAsync(graph, checkpointEvery, quiet, stop.Token).ConfigureAwait(false);
            }

            Console.Out.WriteLine("stopping: closing feeds, checkpointing, flushing the journal…");
            var metrics = await graph.MetricsAsync().ConfigureAwait(false);
            var written = await graph.StopAsync().ConfigureAwait(false);
            foreach (var m in metrics)
            {
                Console.Out.WriteLine(Status(m));
            }

            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stopped: {written:N0} events written, {graph.Checkpointed} chains checkpointed (run id {runId})"));
            return 0;
        }
        finally
        {
            foreach (var transport in transports)
            {
                transport.Dispose();
            }
        }
    }

    private static async Task ServeAsync(LiveGraph graph, TimeSpan checkpointEvery, bool quiet, CancellationToken stop)
    {
        var nextCheckpoint = DateTime.UtcNow + checkpointEvery;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(5), stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (!quiet)
            {
                foreach (var m in await graph.MetricsAsync().ConfigureAwait(false))
                {
                    Console.Out.WriteLine(Status(m));
                }
            }

            if (DateTime.UtcNow >= nextCheckpoint)
            {
                await graph.CheckpointAsync(stop).ConfigureAwait(false);
                nextCheckpoint = DateTime.UtcNow + checkpointEvery;
            }
        }
    }

    private static string Status(FeedMetrics m) => string.Create(CultureInfo.InvariantCulture,
        $"{m.Flavour}: {(m.Connected ? "connected" : "DISCONNECTED")}, reconnects {m.Reconnects}, trades {m.Routed:N0} routed, {m.Duplicates:N0} duplicates, {m.Gaps} gaps ({m.Refilled:N0} trades refilled, {m.RefillFailures} failed), {m.Malformed:N0} malformed, lag {m.LastLagMs} ms (max {m.MaxLagMs} ms)");

    private static LivePlan Plan(BacktestSettings backtest, FeedSettings feeds, string runId, TimeSpan staleAfter, List<RestTransport> transports)
    {
        var template = backtest.Source.Instrument;
        var live = new List<LiveFeed>();
        foreach (var venue in feeds.Enabled)
        {
            var transport = new RestTransport(new RestTransportOptions(venue.Name, venue.RestUrl));
            transports.Add(transport);
            var options = new FeedOptions(venue.Flavour, venue.WebSocketUrl, venue.Symbols, new ReconnectingWebSocketOptions());
            var instruments = venue.Symbols.Select(symbol => new Instrument(new InstrumentId(venue.Name, symbol), template.TickSize, template.PegTarget)).ToList();
            live.Add(new LiveFeed(options, instruments, new RestTradeRefill(RestHistoryClients.Create(transport))));
        }

        var plan = new LivePlan(
            runId,
            live,
            backtest.Candles,
            backtest.Regime,
            backtest.RegimeTimeframe,
            backtest.Strategy.Create,
            backtest.Strategy.Timeframe,
            backtest.Risk,
            backtest.Fills,
            backtest.InitialCash,
            staleAfter);
        if (backtest.Strategy.Spread is not { } spread)
        {
            return plan;
        }

        var legs = spread.Options(backtest.Strategy.Id, backtest.Strategy.Timeframe, live[0].Instruments[0].Id.Symbol, backtest.Fills, backtest.InitialCash);
        var streamed = live.SelectMany(f => f.Instruments.Select(i => i.Id)).ToList();
        if (!streamed.Select(i => i.ToString()).Order(StringComparer.Ordinal).SequenceEqual(legs.Legs.Select(l => l.Instrument.ToString()).Order(StringComparer.Ordinal)))
        {
            throw spread.Config.InvalidValue("legs", $"one leg per streamed instrument: the enabled feeds stream {string.Join(", ", streamed)}, the legs are {string.Join(", ", legs.Legs.Select(l => l.Instrument))}");
        }

        return plan with { Spread = legs };
    }
}
