namespace ActorArb.Domain.Regimes;

/// <summary>
/// Configures a <see cref="RegimeDetector"/>. Windows are counted in bars of the timeframe the detector is fed;
/// thresholds are fractions (0.02 = 2 %).
/// </summary>
/// <param name="ReturnWindow">The number of bars the flash return <c>close / close[n] - 1</c> looks back.</param>
/// <param name="VolatilityWindow">
/// The number of one-bar log returns in the realised volatility, which is their sample standard deviation times
/// <c>sqrt(VolatilityWindow)</c>: the volatility over the window's horizon, not annualised. It is classified only
/// once the window is full.
/// </param>
/// <param name="HighVolatility">The realised volatility at or above which an unpegged instrument enters HIGH_VOLATILITY.</param>
/// <param name="FlashMove">The absolute return over <paramref name="ReturnWindow"/> at or beyond which a flash regime is entered.</param>
/// <param name="PegStress">The absolute peg deviation at or above which a pegged instrument enters PEG_STRESS.</param>
/// <param name="Depeg">The absolute peg deviation at or above which a pegged instrument enters DEPEG.</param>
/// <param name="PegRecoverFactor">
/// Hysteresis for the peg regimes: DEPEG is left only when the deviation is below <c>Depeg * factor</c>, and
/// PEG_STRESS only when it is below <c>PegStress * factor</c>.
/// </param>
/// <param name="MinDwellBars">
/// The bars a regime is held before it may change, except into DEPEG, FLASH_CRASH or FLASH_PUMP, which is immediate.
/// </param>
/// <param name="RecoverFactor">
/// Hysteresis for the unpegged regimes: HIGH_VOLATILITY is held while the volatility stays at or above
/// <c>HighVolatility * factor</c>, and a flash regime while the return stays beyond <c>FlashMove * factor</c>.
/// </param>
public sealed record RegimeOptions(
    int ReturnWindow = 15,
    int VolatilityWindow = 60,
    double HighVolatility = 0.02,
    double FlashMove = 0.03,
    double PegStress = 0.005,
    double Depeg = 0.02,
    double PegRecoverFactor = 0.5,
    int MinDwellBars = 5,
    double RecoverFactor = 0.5)
{
    private const string Owner = nameof(RegimeOptions);

    /// <summary>Throws when a window, threshold or factor is out of range.</summary>
    /// <exception cref="ArgumentException">The options are inconsistent; the message names the option.</exception>
    public void Validate()
    {
        Guard.Require(ReturnWindow >= 1, Owner, nameof(ReturnWindow), "must be at least 1");
        Guard.Require(VolatilityWindow >= 2, Owner, nameof(VolatilityWindow), "must be at least 2");
        Guard.Require(HighVolatility > 0, Owner, nameof(HighVolatility), "must be positive");
        Guard.Require(FlashMove > 0, Owner, nameof(FlashMove), "must be positive");
        Guard.Require(PegStress > 0, Owner, nameof(PegStress), "must be positive");
        Guard.Require(Depeg > PegStress, Owner, nameof(Depeg), "must be greater than PegStress");
        Guard.Require(PegRecoverFactor is > 0 and <= 1, Owner, nameof(PegRecoverFactor), "must be in (0, 1]");
        Guard.Require(RecoverFactor is > 0 and <= 1, Owner, nameof(RecoverFactor), "must be in (0, 1]");
        Guard.Require(MinDwellBars >= 0, Owner, nameof(MinDwellBars), "must not be negative");
    }
}
