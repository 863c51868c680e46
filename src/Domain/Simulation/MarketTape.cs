using ActorArb.Domain.Events;
using ActorArb.Domain.Market;
using ActorArb.Domain.Regimes;

namespace ActorArb.Domain.Simulation;

/// <summary>
/// The part of a replay that does not depend on the strategy, computed once and replayed into any number of
/// <see cref="StrategySimulation"/>s: every closed candle in the aggregator's order and the regime changes, each
/// after the candle that caused it. Immutable, so workers on every core can share one.
/// </summary>
public sealed class MarketTape
{
    private readonly Candle[] _candles;
    private readonly (int After, RegimeChanged Change)[] _changes;

    private MarketTape(Candle[] candles, (int After, RegimeChanged Change)[] changes)
    {
        _candles = candles;
        _changes = changes;
    }

    /// <summary>Gets the number of candles on the tape.</summary>
    public int Count => _candles.Length;

    /// <summary>Gets the candles, in the order the aggregator closed them.</summary>
    public ReadOnlySpan<Candle> Candles => _candles;

    /// <summary>Gets the regime changes, in order.</summary>
    public IEnumerable<RegimeChanged> RegimeChanges => _changes.Select(c => c.Change);

    /// <summary>
    /// Records <paramref name="closed"/> (candles of every timeframe in the aggregator's order) and runs a regime
    /// detector over the candles of <paramref name="regimeTimeframe"/>.
    /// </summary>
    public static MarketTape Record(IEnumerable<Candle> closed, Instrument instrument, RegimeOptions regime, Timeframe regimeTimeframe)
    {
        ArgumentNullException.ThrowIfNull(closed);
        var detector = new RegimeDetector(instrument, regime);
        var candles = new List<Candle>();
        var changes = new List<(int, RegimeChanged)>();
        foreach (var candle in closed)
        {
            candles.Add(candle);
            if (candle.Timeframe == regimeTimeframe && detector.OnCandle(in candle) is { } change)
            {
                changes.Add((candles.Count - 1, change));
            }
        }

        return new MarketTape([.. candles], [.. changes]);
    }

    /// <summary>Plays the whole tape into <paramref name="simulation"/> and returns its result.</summary>
    public SimulationResult Play(StrategySimulation simulation)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        var next = 0;
        for (var i = 0; i < _candles.Length; i++)
        {
            simulation.OnCandle(in _candles[i]);
            while (next < _changes.Length && _changes[next].After == i)
            {
                simulation.OnRegimeChanged(_changes[next++].Change);
            }
        }

        return simulation.Finish();
    }
}
