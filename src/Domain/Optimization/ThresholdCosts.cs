namespace ActorArb.Domain.Optimization;

/// <summary>
/// The proportional costs of an all-in/all-out threshold strategy: a fee rate charged on both sides and a slippage
/// rate that worsens the fill price. The factors are computed once, in this order, so every kernel (scalar, SIMD,
/// GPU) multiplies by the same doubles and gets the same bits.
/// </summary>
public readonly record struct ThresholdCosts
{
    /// <summary>Creates costs of <paramref name="fee"/> and <paramref name="slippage"/> (fractions, e.g. 0.001 = 10 bps).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A rate is negative, not finite, or 1 or more.</exception>
    public ThresholdCosts(double fee, double slippage)
    {
        Check(fee, nameof(fee));
        Check(slippage, nameof(slippage));
        Fee = fee;
        Slippage = slippage;
        BuyFactor = 1.0 - fee;
        BuyDivisor = 1.0 + slippage;
        SellFactor = (1.0 - slippage) * (1.0 - fee);
    }

    /// <summary>Gets the fee rate charged on each fill.</summary>
    public double Fee { get; }

    /// <summary>Gets the slippage rate: buys fill at close × (1 + rate), sells at close × (1 − rate).</summary>
    public double Slippage { get; }

    /// <summary>Gets 1 − fee: the share of cash that buys units.</summary>
    public double BuyFactor { get; }

    /// <summary>Gets 1 + slippage: the factor on the close a buy pays.</summary>
    public double BuyDivisor { get; }

    /// <summary>Gets (1 − slippage) × (1 − fee): the share of a position's value a sell returns as cash.</summary>
    public double SellFactor { get; }

    private static void Check(double rate, string name)
    {
        if (!double.IsFinite(rate) || rate < 0 || rate >= 1)
        {
            throw new ArgumentOutOfRangeException(name, rate, "a cost rate must be finite, at least 0 and below 1");
        }
    }
}
