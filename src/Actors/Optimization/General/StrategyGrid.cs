using ActorArb.Domain.Simulation;
using ActorArb.Domain.Strategies;

namespace ActorArb.Actors.Optimization.General;

/// <summary>
/// The general mode's grid: one market tape (candles and regime changes, computed once), the backtest's chain settings,
/// and one strategy factory per parameter combination. Any strategy behind <see cref="IStrategy"/> can be searched.
/// </summary>
public sealed class StrategyGrid : IOptimizationGrid
{
    private readonly Func<IStrategy>[] _strategies;

    /// <summary>Creates a grid of <paramref name="strategies"/> over <paramref name="tape"/>.</summary>
    public StrategyGrid(MarketTape tape, SimulationSetup setup, IReadOnlyList<Func<IStrategy>> strategies)
    {
        ArgumentNullException.ThrowIfNull(tape);
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(strategies);
        Tape = tape;
        Setup = setup;
        _strategies = [.. strategies];
    }

    /// <summary>Gets the tape every combination is played on.</summary>
    public MarketTape Tape { get; }

    /// <summary>Gets the chain's settings: risk limits, fill model, starting cash.</summary>
    public SimulationSetup Setup { get; }

    /// <inheritdoc/>
    public int Count => _strategies.Length;

    /// <summary>Plays combination <paramref name="index"/> over the tape with a fresh strategy.</summary>
    public SimulationResult Run(int index) => Tape.Play(new StrategySimulation(Setup, _strategies[index]()));
}
