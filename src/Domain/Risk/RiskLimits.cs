namespace ActorArb.Domain.Risk;

/// <summary>
/// Pre-trade limits and halt rules. Infinite limits are off; the defaults approve every order a spot account
/// can pay for, which is what the threshold replay assumes.
/// </summary>
/// <param name="MaxPositionUnits">The largest position, in base units, a buy may leave.</param>
/// <param name="MaxNotional">The largest buy, in quote currency.</param>
/// <param name="MaxEquityFraction">The largest share of equity held in the instrument after a buy, in (0, 1].</param>
/// <param name="DailyLossLimit">Halts new exposure when equity falls this fraction below the start of the UTC day; clears the next day.</param>
/// <param name="MaxDrawdown">Halts new exposure when equity falls this fraction below its peak; only an operator resume clears it.</param>
/// <param name="HaltOnFlashCrash">Halts new exposure while the regime is FLASH_CRASH.</param>
/// <param name="HaltOnDepeg">Halts new exposure while the regime is DEPEG.</param>
public sealed record RiskLimits(
    double MaxPositionUnits = double.PositiveInfinity,
    double MaxNotional = double.PositiveInfinity,
    double MaxEquityFraction = 1.0,
    double DailyLossLimit = double.PositiveInfinity,
    double MaxDrawdown = double.PositiveInfinity,
    bool HaltOnFlashCrash = true,
    bool HaltOnDepeg = true)
{
    /// <summary>Returns limits that approve everything and never halt, for pure strategy replays.</summary>
    public static RiskLimits None { get; } = new(HaltOnFlashCrash: false, HaltOnDepeg: false);

    /// <summary>Throws when a limit cannot be enforced.</summary>
    /// <exception cref="ArgumentException">A limit is NaN or not positive, or the equity fraction exceeds 1.</exception>
    public void Validate()
    {
        Positive(MaxPositionUnits, "max-position");
        Positive(MaxNotional, "max-notional");
        Positive(DailyLossLimit, "daily-loss-limit");
        Positive(MaxDrawdown, "max-drawdown");
        if (!(MaxEquityFraction > 0 && MaxEquityFraction <= 1))
        {
            throw new ArgumentException($"risk limit max-equity-fraction must be in (0, 1], got {MaxEquityFraction}", nameof(MaxEquityFraction));
        }
    }

    private static void Positive(double value, string name)
    {
        if (!(value > 0))
        {
            throw new ArgumentException($"risk limit {name} must be positive (infinity turns it off), got {value}", name);
        }
    }
}
