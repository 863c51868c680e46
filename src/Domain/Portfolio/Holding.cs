using ActorArb.Domain.Market;

namespace ActorArb.Domain.Portfolio;

/// <summary>A position in one instrument as the ledger holds it.</summary>
/// <param name="Instrument">The instrument.</param>
/// <param name="Units">The base units held (0 when flat; never negative: spot only).</param>
/// <param name="CostBasis">The quote currency spent on the units held, fees included.</param>
/// <param name="Mark">The latest price seen for the instrument.</param>
public readonly record struct Holding(InstrumentId Instrument, double Units, double CostBasis, Price Mark)
{
    /// <summary>Returns the average entry cost per unit, fees included, or 0 when flat.</summary>
    public double AverageEntry => Units > 0 ? CostBasis / Units : 0;

    /// <summary>Returns the units at the mark, with no exit fee.</summary>
    public double MarketValue => Units * Mark.ToDouble();
}
