namespace ActorArb.Domain.Optimization;

/// <summary>
/// One walk-forward step: the in-sample bars [<paramref name="InSampleStart"/>, <paramref name="InSampleEnd"/>)
/// searched, the combination chosen there (null ticks when none met the constraints: the window then stays in cash),
/// that combination's run on the in-sample bars and on the out-of-sample bars
/// [<paramref name="OutOfSampleStart"/>, <paramref name="OutOfSampleEnd"/>), each starting flat with cash 1, and
/// their efficiency.
/// </summary>
/// <param name="Index">The window's position, from 0.</param>
/// <param name="InSampleStart">The first in-sample bar.</param>
/// <param name="InSampleEnd">The bar after the last in-sample bar, which is also the first out-of-sample bar.</param>
/// <param name="OutOfSampleStart">The first out-of-sample bar.</param>
/// <param name="OutOfSampleEnd">The bar after the last out-of-sample bar.</param>
/// <param name="BuyTick">The chosen buy tick, or null when no combination met the constraints.</param>
/// <param name="SellTick">The chosen sell tick, or null when no combination met the constraints.</param>
/// <param name="InSample">The chosen combination's run over the in-sample bars (as <see cref="ThresholdReference"/> runs it).</param>
/// <param name="OutOfSample">The chosen combination's run over the out-of-sample bars (as <see cref="ThresholdReference"/> runs it).</param>
/// <param name="Efficiency">
/// The out-of-sample log growth per bar divided by the in-sample log growth per bar:
/// <c>(ln OOS equity / OOS bars) / (ln IS equity / IS bars)</c>. It is NaN when the in-sample equity is at most 1,
/// where the ratio has no meaningful sign (and when no combination was chosen).
/// </param>
public sealed record WalkForwardWindow(
    int Index,
    int InSampleStart,
    int InSampleEnd,
    int OutOfSampleStart,
    int OutOfSampleEnd,
    int? BuyTick,
    int? SellTick,
    ThresholdRun InSample,
    ThresholdRun OutOfSample,
    double Efficiency)
{
    /// <summary>Gets the number of in-sample bars.</summary>
    public int InSampleBars => InSampleEnd - InSampleStart;

    /// <summary>Gets the number of out-of-sample bars.</summary>
    public int OutOfSampleBars => OutOfSampleEnd - OutOfSampleStart;
}
