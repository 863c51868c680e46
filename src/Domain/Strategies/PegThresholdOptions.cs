using ActorArb.Domain.Market;

namespace ActorArb.Domain.Strategies;

/// <summary>Parameters of <see cref="PegThresholdStrategy"/>.</summary>
/// <param name="Buy">Buy when flat and the close is at or below this price.</param>
/// <param name="Sell">Sell everything when long and the close is at or above this price.</param>
/// <param name="Fraction">The fraction of cash each entry spends, in (0, 1].</param>
public sealed record PegThresholdOptions(Price Buy, Price Sell, double Fraction = 1.0) : ICashFractionOptions
{
    /// <summary>Throws when the thresholds cannot make a strategy.</summary>
    /// <exception cref="ArgumentException">A threshold is not positive, buy is not below sell, or the fraction is not in (0, 1].</exception>
    public void Validate()
    {
        if (Buy <= Price.Zero)
        {
            throw new ArgumentException($"peg threshold buy must be positive, got {Buy}", nameof(Buy));
        }

        if (Buy >= Sell)
        {
            throw new ArgumentException($"peg threshold buy {Buy} must be below sell {Sell}", nameof(Buy));
        }

        if (!(Fraction > 0 && Fraction <= 1))
        {
            throw new ArgumentException($"peg threshold fraction must be in (0, 1], got {Fraction}", nameof(Fraction));
        }
    }
}
