namespace ActorArb.Domain.Optimization;

/// <summary>
/// What one (buy, sell) combination of the threshold strategy made over a series, starting flat with cash 1:
/// the final equity (an open position marked to the last close, no exit costs), the number of entries (an open
/// position counts) and the maximum drawdown of the per-bar equity.
/// </summary>
public readonly record struct ThresholdRun(double FinalEquity, int Trades, double MaxDrawdown);
