namespace ActorArb.Domain.Execution;

/// <summary>
/// How paper and replay orders fill. Rates are given in basis points and converted as <c>bps / 10000.0</c>,
/// so 10 bps is exactly the double 0.001.
/// </summary>
/// <param name="TakerFeeBps">The fee on market (taker) orders, in basis points of the traded value.</param>
/// <param name="MakerFeeBps">The fee on resting (maker) orders, in basis points; market orders never pay it.</param>
/// <param name="SlippageBps">The price concession on every fill, in basis points: buys pay more, sells receive less.</param>
/// <param name="MaxParticipation">The largest fraction of a price's volume one price may fill; 0 or infinity means no cap.</param>
/// <param name="LatencyMs">The delay between decision and the first price an order may fill at.</param>
public sealed record FillModel(
    double TakerFeeBps,
    double MakerFeeBps,
    double SlippageBps,
    double MaxParticipation = 0,
    long LatencyMs = 0)
{
    /// <summary>Returns the taker fee as a fraction: <c>TakerFeeBps / 10000.0</c>.</summary>
    public double TakerFeeRate => TakerFeeBps / 10000.0;

    /// <summary>Returns the maker fee as a fraction: <c>MakerFeeBps / 10000.0</c>.</summary>
    public double MakerFeeRate => MakerFeeBps / 10000.0;

    /// <summary>Returns the slippage as a fraction: <c>SlippageBps / 10000.0</c>.</summary>
    public double SlippageRate => SlippageBps / 10000.0;

    /// <summary>Returns true when <see cref="MaxParticipation"/> caps fills.</summary>
    public bool HasParticipationCap => MaxParticipation > 0 && double.IsFinite(MaxParticipation);

    /// <summary>Throws when the model cannot produce sensible fills.</summary>
    /// <exception cref="ArgumentException">A rate is negative, NaN or 10000 bps or more; the cap is negative or NaN; the latency is negative.</exception>
    public void Validate()
    {
        Bps(TakerFeeBps, "taker-fee-bps");
        Bps(MakerFeeBps, "maker-fee-bps");
        Bps(SlippageBps, "slippage-bps");
        if (!(MaxParticipation >= 0))
        {
            throw new ArgumentException($"fill model max-participation must be >= 0 (0 or infinity: no cap), got {MaxParticipation}", nameof(MaxParticipation));
        }

        if (LatencyMs < 0)
        {
            throw new ArgumentException($"fill model latency must be >= 0 ms, got {LatencyMs}", nameof(LatencyMs));
        }
    }

    private static void Bps(double value, string name)
    {
        if (!(value >= 0 && value < 10000))
        {
            throw new ArgumentException($"fill model {name} must be in [0, 10000) basis points, got {value}", name);
        }
    }
}
