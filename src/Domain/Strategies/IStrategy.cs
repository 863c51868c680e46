using ActorArb.Domain.Events;
using ActorArb.Domain.Market;
using ActorArb.Domain.Regimes;

namespace ActorArb.Domain.Strategies;

/// <summary>
/// A trading strategy: candles and regime changes in, order intents out. Implementations keep their own
/// state and are driven by one thread (an actor, or a replay loop), so they need no locking; they must be
/// deterministic, because replay and the optimizer reproduce their decisions bit for bit.
/// </summary>
public interface IStrategy
{
    /// <summary>Returns the strategy's id, carried by every intent it emits.</summary>
    string Id { get; }

    /// <summary>Returns the candle timeframe the strategy trades on; candles of other timeframes are ignored.</summary>
    Timeframe Timeframe { get; }

    /// <summary>
    /// Handles a closed candle. <paramref name="context"/> is the portfolio as it stands before this candle's
    /// orders; intents are appended to <paramref name="intents"/> (a buffer the caller reuses).
    /// </summary>
    void OnCandle(in Candle candle, in StrategyContext context, List<OrderIntent> intents);

    /// <summary>Tells the strategy the instrument's market regime changed.</summary>
    void OnRegime(Regime regime);
}
