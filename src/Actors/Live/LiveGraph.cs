using ActorArb.Actors.Arbitrage;
using ActorArb.Actors.Execution;
using ActorArb.Actors.Feeds;
using ActorArb.Actors.MarketData;
using ActorArb.Actors.Persistence;
using ActorArb.Actors.Portfolio;
using ActorArb.Actors.Regimes;
using ActorArb.Actors.Replay;
using ActorArb.Actors.Risk;
using ActorArb.Actors.Runtime;
using ActorArb.Actors.Runtime.Persistence;
using ActorArb.Actors.Strategies;
using ActorArb.Domain.Arbitrage;
using ActorArb.Domain.Events;
using ActorArb.Domain.Market;
using ActorArb.Domain.Market.Aggregation;
using ActorArb.Domain.Time;

namespace ActorArb.Actors.Live;

/// <summary>
/// The live (paper) actor graph on the thread-pool dispatcher: per exchange a <see cref="FeedActor"/> and a
/// <see cref="FeedHealthActor"/>, per instrument the same chain a backtest runs — candle aggregator, regime detector,
/// strategy, risk manager, paper execution, portfolio — every event journaled to the store under the run id. The
/// strategy, risk, execution and portfolio stages are event-sourced (<see cref="StageActor"/>): a restarted run, even
/// one killed without warning, recovers each from its latest snapshot and the state records after it, so it resumes
/// with the book, halts, working orders and strategy memory of the last command it stored. The candle aggregators
/// resume from their latest <see cref="LiveCheckpoint"/> (their open bars), which <see cref="CheckpointAsync"/> writes
/// and <see cref="StopAsync"/> writes after stopping the feeds. With a spread in the plan the instruments' aggregators
/// feed one <see cref="SpreadArbitrageActor"/> instead, which resumes from its <see cref="SpreadCheckpoint"/>. Open
/// bars are restored when the candle settings are unchanged (a restart with other roll-ups, lateness, flat setting or
/// tick size starts its aggregators empty, as a first run does).
/// </summary>
public sealed class LiveGraph : IAsyncDisposable
{
    private readonly ActorSystem _system;
    private readonly IActorRef _journal;
    private readonly IClock _clock;
    private readonly string _runId;

    private readonly (string Id, IActorRef Actor)? _spread;
    private readonly IReadOnlyList<IActorRef> _spreadAggregators;

    private LiveGraph(ActorSystem system, IActorRef journal, IClock clock, string runId, IReadOnlyList<(string Name, IActorRef Feed)> feeds, IReadOnlyList<Chain> chains, (string, IActorRef)? spread, IReadOnlyList<IActorRef> spreadAggregators, int resumed)
    {
        _spread = spread;
        _spreadAggregators = spreadAggregators;
        _system = system;
        _journal = journal;
        _clock = clock;
        _runId = runId;
        Feeds = feeds;
        Chains = chains;
        Resumed = resumed;
    }

    /// <summary>Gets each feed by its flavour.</summary>
    public IReadOnlyList<(string Name, IActorRef Feed)> Feeds { get; }

    /// <summary>Gets the instrument chains.</summary>
    public IReadOnlyList<Chain> Chains { get; }

    /// <summary>Gets how many chains (the spread counting as one) resumed from a checkpoint.</summary>
    public int Resumed { get; }

    /// <summary>Gets how many chains (the spread counting as one) the graph checkpoints.</summary>
    public int Checkpointed => Chains.Count + (_spread is null ? 0 : 1);

    /// <summary>Builds and starts the graph for <paramref name="plan"/>, journaling to <paramref name="store"/>.</summary>
    /// <remarks>The chain stages save a snapshot to <paramref name="snapshots"/> every <see cref="LivePlan.SnapshotEvery"/> events when it is given.</remarks>
    public static async Task<LiveGraph> StartAsync(LivePlan plan, IEventStore store, IClock? clock = null, ISnapshotStore? snapshots = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(store);
        clock ??= SystemClock.Instance;
        var system = ActorSystem.Create("live");
        var journal = system.ActorOf(EventJournalActor.Props(store, system.Name), "journal");
        var stages = new StagePersistence(store, snapshots, snapshots is null ? 0 : plan.SnapshotEvery);
        var chains = new List<Chain>();
        var feeds = new List<(string, IActorRef)>();
        var resumed = 0;
        (string, IActorRef)? spread = null;
        var spreadAggregators = new List<IActorRef>();
        SpreadCheckpoint? lastSpread = null;
        if (plan.Spread is { } options)
        {
            CheckLegs(plan, options);
            var last = lastSpread = await LatestAsync<SpreadCheckpoint>(store, SpreadCheckpoint.StreamOf(plan.RunId, options.Id), cancellationToken).ConfigureAwait(false);
            resumed += last is null ? 0 : 1;
            spread = (options.Id, system.ActorOf(SpreadArbitrageActor.Props(options, last?.Engine, system.DeadLetters, journal, plan.RunId), "spread-" + options.Id));
        }

        foreach (var feed in plan.Feeds)
        {
            var routes = new Dictionary<InstrumentId, IActorRef>();
            var risks = new List<IActorRef>();
            foreach (var instrument in feed.Instruments)
            {
                if (spread is { } s)
                {
                    var restore = Fitting(lastSpread?.Candles, instrument.Id, plan.Candles);
                    routes[instrument.Id] = system.ActorOf(CandleAggregatorActor.Props(instrument, Timeframe.OneMinute, plan.Candles, s.Item2, journal, plan.RunId, restore), "candles-" + CandleAggregatorActor.NameOf(instrument.Id));
                    spreadAggregators.Add(routes[instrument.Id]);
                    continue;
                }

                var last = await LatestAsync<LiveCheckpoint>(store, LiveCheckpoint.StreamOf(plan.RunId, instrument.Id), cancellationToken).ConfigureAwait(false);
                resumed += last is null ? 0 : 1;
                var closedBefore = await StoredThroughAsync(store, CandleAggregatorActor.StreamOf(plan.RunId, instrument.Id), cancellationToken).ConfigureAwait(false);
                var chain = Chain.Spawn(system, plan, instrument, journal, stages, last, closedBefore);
                chains.Add(chain);
                routes[instrument.Id] = chain.Aggregator;
                risks.Add(chain.Risk);
            }

            if (spread is { } halted)
            {
                risks.Add(halted.Item2);
            }

            var name = feed.Options.Flavour;
            var actor = system.ActorOf(FeedActor.Props(feed.Options, routes, journal, plan.RunId, feed.Refill, clock), "feed-" + name);
            system.ActorOf(FeedHealthActor.Props(name, actor, risks, plan.StaleAfter, clock), "health-" + name);
            feeds.Add((name, actor));
        }

        return new LiveGraph(system, journal, clock, plan.RunId, feeds, chains, spread, spreadAggregators, resumed);
    }

    /// <summary>Asks every feed for its metrics.</summary>
    public async Task<IReadOnlyList<FeedMetrics>> MetricsAsync()
    {
        var metrics = new List<FeedMetrics>();
        foreach (var (_, feed) in Feeds)
        {
            metrics.Add(await feed.Ask<FeedMetrics>(new FeedProtocol.GetMetrics(), TimeSpan.FromSeconds(10)).ConfigureAwait(false));
        }

        return metrics;
    }

    /// <summary>
    /// Writes a <see cref="LiveCheckpoint"/> per chain (a <see cref="SpreadCheckpoint"/> for the spread) and returns how
    /// many were written, once they and every stage's appends in flight are stored. The aggregators are asked while
    /// trades may still flow, so only a checkpoint taken with the feeds stopped (<see cref="StopAsync"/>) is an exact cut
    /// of the open bars; the stages need none, as they store every command.
    /// </summary>
    public async Task<int> CheckpointAsync(CancellationToken cancellationToken = default)
    {
        if (_spread is var (id, actor))
        {
            var candles = new List<CandleAggregatorState>(_spreadAggregators.Count);
            foreach (var aggregator in _spreadAggregators)
            {
                candles.Add(await CandlesOfAsync(aggregator, cancellationToken).ConfigureAwait(false));
            }

            // The equity curve and the trades stay in the event store; a checkpoint carries what the engine decides with.
            var state = await actor.Ask<SpreadProtocol.State>(new SpreadProtocol.GetState(), TimeSpan.FromSeconds(30)).WaitAsync(cancellationToken).ConfigureAwait(false);
            _journal.Tell(new JournalProtocol.Append(SpreadCheckpoint.StreamOf(_runId, id), [new SpreadCheckpoint(_clock.NowMs, id, state.Engine with { Equity = [], Trades = [] }, candles)]));
        }

        foreach (var chain in Chains)
        {
            var candles = await CandlesOfAsync(chain.Aggregator, cancellationToken).ConfigureAwait(false);
            _journal.Tell(new JournalProtocol.Append(LiveCheckpoint.StreamOf(_runId, chain.Instrument.Id), [new LiveCheckpoint(_clock.NowMs, chain.Instrument.Id, candles)]));
            foreach (var stage in chain.Stages)
            {
                // Answered once the stage's append in flight, if any, is stored.
                await stage.Ask<PersistenceProtocol.Status>(new PersistenceProtocol.GetStatus(), TimeSpan.FromSeconds(30)).WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        // The checkpoints are durable once the journal has written everything told to it so far.
        await _journal.Ask<JournalProtocol.Flushed>(new JournalProtocol.Flush(), TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        return Checkpointed;
    }

    /// <summary>
    /// Stops the feeds (closing their sockets), lets the chains finish what they hold, checkpoints every chain and
    /// flushes the journal; returns the number of events the journal wrote.
    /// </summary>
    public async Task<long> StopAsync(CancellationToken cancellationToken = default)
    {
        foreach (var (_, feed) in Feeds)
        {
            _system.Stop(feed);
        }

        await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken).ConfigureAwait(false);
        await CheckpointAsync(cancellationToken).ConfigureAwait(false);
        var flushed = await _journal.Ask<JournalProtocol.Flushed>(new JournalProtocol.Flush(), TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        return flushed.EventsWritten;
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _system.DisposeAsync();

    private static async Task<CandleAggregatorState> CandlesOfAsync(IActorRef aggregator, CancellationToken cancellationToken) =>
        (await aggregator.Ask<MarketDataProtocol.State>(new MarketDataProtocol.GetState(), TimeSpan.FromSeconds(30)).WaitAsync(cancellationToken).ConfigureAwait(false)).Aggregator;

    /// <summary>Returns the state of <paramref name="instrument"/>'s aggregator among <paramref name="states"/> when there is one the candle settings accept.</summary>
    private static CandleAggregatorState? Fitting(IEnumerable<CandleAggregatorState>? states, InstrumentId instrument, CandleAggregatorOptions options) =>
        states?.FirstOrDefault(s => CandleAggregator.CanRestore(instrument, options, s));

    /// <summary>
    /// Returns the close time of the last one-minute candle stored in <paramref name="stream"/> (the minute before it
    /// is complete in the store), or <see cref="long.MinValue"/> when there is none. Only the stream's tail is read: a
    /// minute's candle is followed by at most one roll-up per timeframe.
    /// </summary>
    private static async Task<long> StoredThroughAsync(IEventStore store, string stream, CancellationToken cancellationToken)
    {
        var through = long.MinValue;
        foreach (var recorded in await TailAsync(store, stream, 64, cancellationToken).ConfigureAwait(false))
        {
            if (recorded.Payload is CandleClosed { Candle: var candle } && candle.Timeframe == Timeframe.OneMinute)
            {
                through = Math.Max(through, candle.CloseTimeMs);
            }
        }

        return through;
    }

    /// <summary>Returns the latest checkpoint in <paramref name="stream"/>, which holds nothing else, reading only that one.</summary>
    private static async Task<T?> LatestAsync<T>(IEventStore store, string stream, CancellationToken cancellationToken)
        where T : class =>
        (await TailAsync(store, stream, 1, cancellationToken).ConfigureAwait(false)).Select(e => e.Payload).OfType<T>().LastOrDefault();

    /// <summary>Returns the last <paramref name="count"/> events of <paramref name="stream"/>, read from its version on.</summary>
    private static async Task<List<RecordedEvent>> TailAsync(IEventStore store, string stream, int count, CancellationToken cancellationToken)
    {
        var version = await store.GetStreamVersionAsync(stream, cancellationToken).ConfigureAwait(false);
        var tail = new List<RecordedEvent>(count);
        await foreach (var recorded in store.ReadStreamAsync(stream, Math.Max(0, version - count), cancellationToken).ConfigureAwait(false))
        {
            tail.Add(recorded);
        }

        return tail;
    }

    /// <summary>Throws unless the feeds carry exactly the spread's legs.</summary>
    private static void CheckLegs(LivePlan plan, SpreadOptions spread)
    {
        var streamed = plan.Feeds.SelectMany(f => f.Instruments.Select(i => i.Id)).ToHashSet();
        var legs = spread.Legs.Select(l => l.Instrument).ToHashSet();
        if (streamed.Except(legs).FirstOrDefault() is { Exchange: not null } stray)
        {
            throw new ArgumentException($"live spread {spread.Id}: {stray} is streamed but is not one of its legs ({string.Join(", ", legs)})", nameof(plan));
        }

        if (legs.Except(streamed).FirstOrDefault() is { Exchange: not null } missing)
        {
            throw new ArgumentException($"live spread {spread.Id}: leg {missing} comes from no enabled feed ({string.Join(", ", streamed)})", nameof(plan));
        }
    }

    /// <summary>One instrument's chain.</summary>
    public sealed record Chain(Instrument Instrument, IActorRef Aggregator, IActorRef Strategy, IActorRef Risk, IActorRef Execution, IActorRef Portfolio)
    {
        /// <summary>Gets the event-sourced stages, in chain order.</summary>
        public IReadOnlyList<IActorRef> Stages => [Strategy, Risk, Execution, Portfolio];

        /// <summary>Returns the scope of the stage streams of <paramref name="instrument"/>'s chain in run <paramref name="runId"/>.</summary>
        public static string StageScopeOf(string runId, InstrumentId instrument) => $"{runId}/{instrument}";

        internal static Chain Spawn(ActorSystem system, LivePlan plan, Instrument instrument, IActorRef journal, StagePersistence stages, LiveCheckpoint? last, long closedBefore)
        {
            // Each instrument's stages write streams of their own (one writer per stream), and recover from them.
            var name = CandleAggregatorActor.NameOf(instrument.Id);
            var scope = StageScopeOf(plan.RunId, instrument.Id);
            var portfolio = system.ActorOf(PortfolioActor.Props(instrument, plan.InitialCash, Timeframe.OneMinute, plan.StrategyTimeframe, system.DeadLetters, stages, scope), "portfolio-" + name);
            var execution = system.ActorOf(ExecutionActor.Props(instrument, plan.Fills, Timeframe.OneMinute, portfolio, stages, scope), "execution-" + name);
            var risk = system.ActorOf(RiskManagerActor.Props(plan.Risk, instrument, Timeframe.OneMinute, plan.InitialCash, execution, stages, scope), "risk-" + name);
            var strategy = system.ActorOf(StrategyActor.Props(plan.CreateStrategy(), plan.InitialCash, risk, stages, scope), "strategy-" + name);
            var regime = system.ActorOf(RegimeDetectorActor.Props(instrument, plan.Regime, plan.RegimeTimeframe, strategy, journal, plan.RunId), "regime-" + name);
            // Candles stored after the checkpoint's last trade mean the run was killed after it: its open bars are stale,
            // and the aggregator starts empty, past the minutes the store holds.
            var restore = Fitting(last?.Candles is { } candles ? [candles] : null, instrument.Id, plan.Candles);
            if (restore is not null && closedBefore > restore.MaxEventMs)
            {
                restore = null;
            }

            var aggregator = system.ActorOf(CandleAggregatorActor.Props(instrument, Timeframe.OneMinute, plan.Candles, regime, journal, plan.RunId, restore, closedBefore), "candles-" + name);
            portfolio.Tell(new PortfolioProtocol.RegisterFeedback(strategy, risk));
            return new Chain(instrument, aggregator, strategy, risk, execution, portfolio);
        }
    }
}
