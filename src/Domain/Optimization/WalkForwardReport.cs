using System.Collections.Immutable;

namespace ActorArb.Domain.Optimization;

/// <summary>
/// A walk-forward run: its windows in order, the out-of-sample equity compounded over them (each window starts flat
/// with the equity the previous ones left), the in-sample equities compounded the same way, the overall efficiency
/// and the compounded out-of-sample equity at every out-of-sample bar.
/// </summary>
/// <param name="Windows">The windows in bar order; their out-of-sample ranges tile [first out-of-sample bar, series end).</param>
/// <param name="OutOfSampleEquity">The product of the windows' out-of-sample final equities, multiplied in window order.</param>
/// <param name="InSampleEquity">The product of the windows' in-sample final equities, multiplied in window order.</param>
/// <param name="Efficiency">
/// The windows' efficiency formula on the totals: <c>(ln OutOfSampleEquity / Σ OOS bars) / (ln InSampleEquity / Σ IS bars)</c>;
/// NaN when <paramref name="InSampleEquity"/> is at most 1.
/// </param>
/// <param name="EquityCurve">
/// The compounded out-of-sample equity at the close of each out-of-sample bar, entry 0 being the first window's first
/// out-of-sample bar; its last entry equals <paramref name="OutOfSampleEquity"/> exactly.
/// </param>
public sealed record WalkForwardReport(
    ImmutableArray<WalkForwardWindow> Windows,
    double OutOfSampleEquity,
    double InSampleEquity,
    double Efficiency,
    ImmutableArray<double> EquityCurve)
{
    /// <summary>Gets the bar the equity curve starts at.</summary>
    public int EquityCurveStart => Windows.IsDefaultOrEmpty ? 0 : Windows[0].OutOfSampleStart;
}
