namespace ActorArb.Domain.Regimes;

/// <summary>
/// The market state a <see cref="RegimeDetector"/> classifies an instrument into. Pegged instruments move between
/// <see cref="PegStable"/>, <see cref="PegStress"/> and <see cref="Depeg"/>; the others between <see cref="Normal"/>
/// and <see cref="HighVolatility"/>; both can enter <see cref="FlashCrash"/> and <see cref="FlashPump"/>.
/// Wire names (<c>NORMAL</c>, <c>HIGH_VOLATILITY</c>, …) come from <see cref="RegimeNames"/>.
/// </summary>
public enum Regime
{
    /// <summary>An unpegged instrument trading with ordinary volatility.</summary>
    Normal,

    /// <summary>An unpegged instrument whose realised volatility is above the configured threshold.</summary>
    HighVolatility,

    /// <summary>The price fell by more than the flash threshold over the short return window.</summary>
    FlashCrash,

    /// <summary>The price rose by more than the flash threshold over the short return window.</summary>
    FlashPump,

    /// <summary>A pegged instrument trading close to its peg.</summary>
    PegStable,

    /// <summary>A pegged instrument drifting from its peg by more than the stress threshold.</summary>
    PegStress,

    /// <summary>A pegged instrument that has lost its peg (deviation above the depeg threshold).</summary>
    Depeg,
}
