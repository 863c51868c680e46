using ActorArb.Actors.Feeds;
using ActorArb.Domain.Arbitrage;
using ActorArb.Domain.Execution;
using ActorArb.Domain.Market;
using ActorArb.Domain.Market.Aggregation;
using ActorArb.Domain.Regimes;
using ActorArb.Domain.Risk;
using ActorArb.Domain.Strategies;

namespace ActorArb.Actors.Live;

/// <summary>What a live (paper) run streams and trades: the feeds, the instruments they carry, and the chain's settings (the backtest's).</summary>
/// <param name="RunId">Scopes the event streams, so a restart with the same id continues them.</param>
/// <param name="Feeds">One entry per exchange connection, with the instruments it routes (tick size and peg per instrument).</param>
/// <param name="Candles">Roll-ups and allowed lateness of the candle aggregators.</param>
/// <param name="Regime">Regime detector settings.</param>
/// <param name="RegimeTimeframe">The candles the regime detector reads.</param>
/// <param name="CreateStrategy">Creates one strategy per instrument.</param>
/// <param name="StrategyTimeframe">The candles the strategy reads.</param>
/// <param name="Risk">Risk limits.</param>
/// <param name="Fills">The paper fill model.</param>
/// <param name="InitialCash">Starting cash per instrument chain.</param>
/// <param name="StaleAfter">A feed silent this long halts new exposure on its instruments until it speaks again.</param>
public sealed record LivePlan(
    string RunId,
    IReadOnlyList<LiveFeed> Feeds,
    CandleAggregatorOptions Candles,
    RegimeOptions Regime,
    Timeframe RegimeTimeframe,
    Func<IStrategy> CreateStrategy,
    Timeframe StrategyTimeframe,
    RiskLimits Risk,
    FillModel Fills,
    double InitialCash,
    TimeSpan StaleAfter)
{
    /// <summary>
    /// Gets the cross-exchange spread the feeds' instruments trade instead of a chain each, when set: every instrument
    /// must be one of its legs and every leg must come from a feed.
    /// </summary>
    public SpreadOptions? Spread { get; init; }

    /// <summary>Gets how many events of a chain stage go between two of its snapshots, when the graph has a snapshot store.</summary>
    public int SnapshotEvery { get; init; } = 1_000;
}

/// <summary>One exchange connection of a live run: its options, instruments and, when given, the REST refill of its gaps.</summary>
public sealed record LiveFeed(FeedOptions Options, IReadOnlyList<Instrument> Instruments, ITradeRefill? Refill);
