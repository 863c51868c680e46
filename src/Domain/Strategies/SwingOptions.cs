namespace ActorArb.Domain.Strategies;

/// <summary>Parameters of <see cref="SwingStrategy"/>.</summary>
/// <param name="ReversalPct">The reversal that confirms a swing, in percent (0.2 means 0.2 %), in (0, 100).</param>
/// <param name="Fraction">The fraction of cash each entry spends, in (0, 1].</param>
public sealed record SwingOptions(double ReversalPct, double Fraction = 1.0) : ICashFractionOptions
{
    /// <summary>Throws when the options cannot make a strategy.</summary>
    /// <exception cref="ArgumentException">The reversal is not in (0, 100) or the fraction is not in (0, 1].</exception>
    public void Validate()
    {
        if (!(ReversalPct > 0 && ReversalPct < 100))
        {
            throw new ArgumentException($"swing reversal-pct must be in (0, 100) percent, got {ReversalPct}", nameof(ReversalPct));
        }

        if (!(Fraction > 0 && Fraction <= 1))
        {
            throw new ArgumentException($"swing fraction must be in (0, 1], got {Fraction}", nameof(Fraction));
        }
    }
}
