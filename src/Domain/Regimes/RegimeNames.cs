namespace ActorArb.Domain.Regimes;

/// <summary>
/// The serialised names of <see cref="Regime"/> values (<c>NORMAL</c>, <c>HIGH_VOLATILITY</c>, <c>FLASH_CRASH</c>,
/// <c>FLASH_PUMP</c>, <c>PEG_STABLE</c>, <c>PEG_STRESS</c>, <c>DEPEG</c>), used by events, reports and the console
/// so that renaming an enum member never changes stored data.
/// </summary>
public static class RegimeNames
{
    /// <summary>Returns the wire name of <paramref name="regime"/>, e.g. <c>HIGH_VOLATILITY</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined regime.</exception>
    public static string ToWire(Regime regime) => regime switch
    {
        Regime.Normal => "NORMAL",
        Regime.HighVolatility => "HIGH_VOLATILITY",
        Regime.FlashCrash => "FLASH_CRASH",
        Regime.FlashPump => "FLASH_PUMP",
        Regime.PegStable => "PEG_STABLE",
        Regime.PegStress => "PEG_STRESS",
        Regime.Depeg => "DEPEG",
        _ => throw new ArgumentOutOfRangeException(nameof(regime), regime, "not a defined regime"),
    };

    /// <summary>Returns true and the regime when <paramref name="wire"/> is one of the wire names (exact case).</summary>
    public static bool TryParse(string? wire, out Regime regime)
    {
        switch (wire)
        {
            case "NORMAL": regime = Regime.Normal; return true;
            case "HIGH_VOLATILITY": regime = Regime.HighVolatility; return true;
            case "FLASH_CRASH": regime = Regime.FlashCrash; return true;
            case "FLASH_PUMP": regime = Regime.FlashPump; return true;
            case "PEG_STABLE": regime = Regime.PegStable; return true;
            case "PEG_STRESS": regime = Regime.PegStress; return true;
            case "DEPEG": regime = Regime.Depeg; return true;
            default: regime = default; return false;
        }
    }
}
