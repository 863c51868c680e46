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
using ActorArb.Actors.Strategies;
using ActorArb.Domain.Arbitrage;
using ActorArb.Domain.Market;
using ActorArb.Domain.Market.Aggregation;
using ActorArb.Domain.Time;

namespace ActorArb.Actors.Live;

/// <summary>
/// The live (paper) actor graph on the thread-pool dispatcher: per exchange a <see cref="FeedActor"/> and a
/// <see cref="FeedHealthActor"/>, per instrument the same chain a backtest runs — candle aggregator, regime detector,
/// strategy, risk manager, paper execution, portfolio — every event journaled to the store under the run id. Each
/// chain starts from its latest <see cref="LiveCheckpoint"/> when the store has one; <see cref="CheckpointAsync"/>
/// writes new ones and <see cref="StopAsync"/> stops the feeds, checkpoints and flushes the journal. With a spread in
/// the plan the instruments' aggregators feed one <see cref="SpreadArbitrageActor"/> instead, checkpointed likewise.
/// Checkpoints carry the candle aggregators' open bars, restored when the candle settings are unchanged (a restart with
/// other roll-ups, lateness, flat setting or tick size starts its aggregators empty, as a first run does).
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
    public static async Task<LiveGraph> StartAsync(LivePlan plan, IEventStore store, IClock? clock = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(store);
        clock ??= SystemClock.Instance;
        var system = ActorSystem.Create("live");
        var journal = system.ActorOf(EventJournalActor.Props(store, system.Name), "journal");
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
                    routes[instrument.Id] = system.ActorOf(CandleAggregatorActor.Props(instrument, Timeframe.OneMinute, plan.Candles, s.Item2, journal, plan.RunId, restore), "candles-" + Chain.NameOf(instrument.Id));
                    spreadAggregators.Add(routes[instrument.Id]);
                    continue;
                }

                var last = await LatestAsync<LiveCheckpoint>(store, LiveCheckpoint.StreamOf(plan.RunId, instrument.Id), cancellationToken).ConfigureAwait(false);
                resumed += last is null ? 0 : 1;
                var chain = Chain.Spawn(system, plan, instrument, journal, last);
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
    /// many were written. Each chain's stages are asked in turn from the aggregator down while trades may still flow,
    /// so only a checkpoint taken with the feeds stopped (<see cref="StopAsync"/>) is an exact cut; a periodic one is
    /// best-effort around a candle in flight between the stages.
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
            var states = new TaskCompletionSource<object[]>(TaskCreationOptions.RunContinuationsAsynchronously);
            var collector = _system.ActorOf(Props.Create(() => new Collector(4, states)), "checkpoint-" + Guid.NewGuid().ToString("N"));
            var take = new TakeCheckpoint(collector);
            chain.Strategy.Tell(take);
            chain.Risk.Tell(take);
            chain.Execution.Tell(take);
            chain.Portfolio.Tell(take);
            var got = await states.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
            var portfolio = got.OfType<PortfolioProtocol.State>().Single();
            var checkpoint = new LiveCheckpoint(
                _clock.NowMs,
                chain.Instrument.Id,
                got.OfType<StrategyProtocol.State>().Single(),
                got.OfType<RiskProtocol.State>().Single(),
                got.OfType<ExecutionProtocol.State>().Single(),
                portfolio with { EquityFrom = 0, Equity = [], Marks = [], FillsFrom = 0, Fills = [] },
                candles);
            _journal.Tell(new JournalProtocol.Append(LiveCheckpoint.StreamOf(_runId, chain.Instrument.Id), [checkpoint]));
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

    private static async Task<T?> LatestAsync<T>(IEventStore store, string stream, CancellationToken cancellationToken)
        where T : class
    {
        T? last = null;
        await foreach (var recorded in store.ReadStreamAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            last = recorded.Payload as T ?? last;
        }

        return last;
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
        internal static string NameOf(InstrumentId instrument) => instrument.ToString().Replace('/', '-').Replace(':', '-');

        internal static Chain Spawn(ActorSystem system, LivePlan plan, Instrument instrument, IActorRef journal, LiveCheckpoint? last)
        {
            var name = NameOf(instrument.Id);
            var scope = plan.RunId;
            var portfolio = system.ActorOf(PortfolioActor.Props(instrument, plan.InitialCash, Timeframe.OneMinute, plan.StrategyTimeframe, system.DeadLetters, journal, scope, last?.Portfolio), "portfolio-" + name);
            var execution = system.ActorOf(ExecutionActor.Props(instrument, plan.Fills, Timeframe.OneMinute, portfolio, journal, scope, last?.Execution), "execution-" + name);
            var risk = system.ActorOf(RiskManagerActor.Props(plan.Risk, instrument, Timeframe.OneMinute, plan.InitialCash, execution, journal, scope, last?.Risk), "risk-" + name);
            var strategy = system.ActorOf(StrategyActor.Props(plan.CreateStrategy(), plan.InitialCash, risk, journal, scope, last?.Strategy), "strategy-" + name);
            var regime = system.ActorOf(RegimeDetectorActor.Props(instrument, plan.Regime, plan.RegimeTimeframe, strategy, journal, scope), "regime-" + name);
            var restore = Fitting(last?.Candles is { } candles ? [candles] : null, instrument.Id, plan.Candles);
            var aggregator = system.ActorOf(CandleAggregatorActor.Props(instrument, Timeframe.OneMinute, plan.Candles, regime, journal, scope, restore), "candles-" + name);
            portfolio.Tell(new PortfolioProtocol.RegisterFeedback(strategy, risk));
            return new Chain(instrument, aggregator, strategy, risk, execution, portfolio);
        }
    }

    /// <summary>Collects the stages' answers to a checkpoint.</summary>
    private sealed class Collector : ReceiveActor
    {
        public Collector(int expected, TaskCompletionSource<object[]> done)
        {
            var states = new List<object>();
            ReceiveAny(state =>
            {
                states.Add(state);
                if (states.Count == expected)
                {
                    done.TrySetResult([.. states]);
                    Context.Stop(Self);
                }
            });
        }
    }
}
