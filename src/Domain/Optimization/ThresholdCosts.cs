namespace ActorArb.Domain.Optimization;

/// <summary>
/// The proportional costs of an all-in/all-out threshold strategy: a fee rate charged on both sides and a slippage
/// rate that worsens the fill price. The factors are computed once so every kernel (scalar, SIMD, GPU) multiplies by
/// the same doubles in the same order as the backtest's paper execution: a buy gets
/// <c>cash × (1 − fee) / (close × (1 + slip))</c> units, a sell returns <c>units × close × (1 − slip) × (1 − fee)</c>
/// evaluated left to right. With no slippage this is also the order of <c>shared/bench/grid_ref.py</c>.
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
        SellSlipFactor = 1.0 - slippage;
    }

    /// <summary>Gets the fee rate charged on each fill.</summary>
    public double Fee { get; }

    /// <summary>Gets the slippage rate: buys fill at close × (1 + rate), sells at close × (1 − rate).</summary>
    public double Slippage { get; }

    /// <summary>Gets 1 − fee: the share of cash that buys units.</summary>
    public double BuyFactor { get; }

    /// <summary>Gets 1 + slippage: the factor on the close a buy pays.</summary>
    public double BuyDivisor { get; }

    /// <summary>Gets 1 − slippage: the share of the close a sell fills at.</summary>
    public double SellSlipFactor { get; }

    /// <summary>Returns the units an all-in buy with <paramref name="cash"/> at <paramref name="close"/> gets, fee and slippage paid.</summary>
    public double BuyUnits(double cash, double close) => cash * BuyFactor / (close * BuyDivisor);

    /// <summary>Returns the cash a sell of <paramref name="units"/> at <paramref name="close"/> returns.</summary>
    public double SellProceeds(double units, double close) => units * close * SellSlipFactor * BuyFactor;

    private static void Check(double rate, string name)
    {
        if (!double.IsFinite(rate) || rate < 0 || rate >= 1)
        {
            throw new ArgumentOutOfRangeException(name, rate, "a cost rate must be finite, at least 0 and below 1");
        }
    }
}
