namespace ActorArb.Domain.Arbitrage;

/// <summary>Exporting and restoring the engine's state for checkpoints.</summary>
public sealed partial class SpreadArbitrage
{
    /// <summary>Returns everything the engine holds as plain data; <see cref="Restore"/> continues from it bit for bit.</summary>
    public SpreadState Export() => new(
        [.. _legs.Select(l => new SpreadLegState(l.Instrument, l.Cash, l.Units, l.LastClose, l.LastCloseTimeMs, l.LastVolume, l.LastFlat))],
        _hasPending,
        _pendingMs,
        _pendingEvaluated,
        _halted,
        double.IsNaN(InitialEquity) ? null : InitialEquity,
        Counters,
        [.. _equity],
        [.. _trades]);

    /// <summary>
    /// Returns an engine with <paramref name="options"/> holding exactly <paramref name="state"/>: the same candles
    /// then give the same events, equity, trades, accounts and counters as on the engine it was exported from.
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid, or the state's legs are not the options' legs in the same order.</exception>
    public static SpreadArbitrage Restore(SpreadOptions options, SpreadState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var engine = new SpreadArbitrage(options);
        if (state.Legs.Length != engine._legs.Length)
        {
            throw new ArgumentException($"spread state has {state.Legs.Length} legs, the options {engine._legs.Length}", nameof(state));
        }

        for (var i = 0; i < engine._legs.Length; i++)
        {
            var saved = state.Legs[i];
            var leg = engine._legs[i];
            if (saved.Instrument != leg.Instrument)
            {
                throw new ArgumentException($"spread state legs[{i}] is {saved.Instrument}, the options' is {leg.Instrument}", nameof(state));
            }

            leg.Cash = saved.Cash;
            leg.Units = saved.Units;
            leg.LastClose = saved.LastClose;
            leg.LastCloseTimeMs = saved.LastCloseTimeMs;
            leg.LastVolume = saved.LastVolume;
            leg.LastFlat = saved.LastFlat;
        }

        engine._hasPending = state.HasPending;
        engine._pendingMs = state.PendingTimeMs;
        engine._pendingEvaluated = state.PendingEvaluated;
        engine._halted = state.Halted;
        engine.InitialEquity = state.InitialEquity ?? double.NaN;
        var counters = state.Counters;
        engine._evaluations = counters.Evaluations;
        engine._opportunities = counters.Opportunities;
        engine._executed = counters.Executed;
        engine._skippedNoInventory = counters.SkippedNoInventory;
        engine._skippedNoVolume = counters.SkippedNoVolume;
        engine._skippedHalted = counters.SkippedHalted;
        engine._equity.AddRange(state.Equity);
        engine._trades.AddRange(state.Trades);
        return engine;
    }
}
