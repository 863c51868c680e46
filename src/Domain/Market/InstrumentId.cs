namespace ActorArb.Domain.Market;

/// <summary>
/// Names one tradable instrument on one exchange, with a normalised symbol such as <c>USDC/USD</c>.
/// </summary>
public sealed record InstrumentId(string Exchange, string Symbol)
{
    /// <summary>Returns <c>exchange:BASE/QUOTE</c>, e.g. <c>kraken:USDC/USD</c>.</summary>
    public override string ToString() => $"{Exchange}:{Symbol}";
}
