namespace ActorArb.Domain.Optimization;

/// <summary>
/// How <see cref="WalkForward"/> cuts a series: <paramref name="InSampleBars"/> bars optimised, then the next
/// <paramref name="OutOfSampleBars"/> bars traded with the chosen parameters, stepping by the out-of-sample size.
/// Rolling windows keep the in-sample size; <paramref name="Anchored"/> windows keep the in-sample start at bar 0
/// so the in-sample grows by one out-of-sample size per window. The in-sample search only accepts combinations
/// making at least <paramref name="MinTrades"/> entries with a maximum drawdown of at most <paramref name="MaxDrawdown"/>.
/// </summary>
/// <param name="InSampleBars">The bars of the first (and, when rolling, every) in-sample window; positive.</param>
/// <param name="OutOfSampleBars">The bars of each out-of-sample window (the last may be shorter); positive.</param>
/// <param name="Anchored">Whether every in-sample window starts at bar 0.</param>
/// <param name="MinTrades">The fewest in-sample entries a combination must make; at least 0.</param>
/// <param name="MaxDrawdown">The largest in-sample maximum drawdown a combination may have, a fraction; at least 0.</param>
public sealed record WalkForwardOptions(int InSampleBars, int OutOfSampleBars, bool Anchored, int MinTrades = 0, double MaxDrawdown = 1.0);
