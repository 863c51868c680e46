namespace ActorArb.Domain.Market;

/// <summary>
/// One trade printed by an exchange, normalised: UTC time in Unix milliseconds, the aggressor (taker) side,
/// and the exchange's trade id as text (Kraken's ids exceed Int64).
/// </summary>
public readonly record struct TradeTick(
    InstrumentId Instrument,
    long TimeMs,
    Price Price,
    double Size,
    Side AggressorSide,
    string TradeId);
