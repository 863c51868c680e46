namespace ActorArb.Domain.Strategies;

/// <summary>What <see cref="CashFractionStrategy"/> needs of a strategy's options: a check and the entry fraction.</summary>
internal interface ICashFractionOptions
{
    /// <summary>Gets the fraction of cash each entry spends, in (0, 1] once <see cref="Validate"/> has passed.</summary>
    double Fraction { get; }

    /// <summary>Throws <see cref="ArgumentException"/> when the options cannot make a strategy.</summary>
    void Validate();
}
