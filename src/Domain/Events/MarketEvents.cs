using ActorArb.Domain.Market;
using ActorArb.Domain.Regimes;

namespace ActorArb.Domain.Events;

/// <summary>
/// A candle of any timeframe closed. Idempotent by (exchange, symbol, timeframe, open time): the same candle
/// closed twice is the same fact.
/// </summary>
/// <param name="Candle">The closed candle, final for its bar.</param>
public sealed record CandleClosed(Candle Candle) : IDomainEvent
{
    /// <summary>Returns the candle's close time, the moment the fact became known in event time.</summary>
    public long TimeMs => Candle.CloseTimeMs;
}

/// <summary>
/// An instrument's regime changed on the bar closing at <paramref name="TimeMs"/>.
/// </summary>
/// <param name="Instrument">The instrument whose regime changed.</param>
/// <param name="TimeMs">The close time of the bar that caused the change.</param>
/// <param name="From">The regime before the bar.</param>
/// <param name="To">The regime after the bar.</param>
/// <param name="Reason">Which measure crossed which threshold, e.g. <c>peg deviation 0.0312 &gt;= 0.02</c>.</param>
/// <param name="Measures">The measures as of that bar.</param>
public sealed record RegimeChanged(
    InstrumentId Instrument,
    long TimeMs,
    Regime From,
    Regime To,
    string Reason,
    RegimeMeasures Measures) : IDomainEvent;
