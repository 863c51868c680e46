namespace ActorArb.Domain.Optimization;

/// <summary>
/// Watches <see cref="ThresholdReference.Run{TObserver}"/> bar by bar: the equity after every bar, and each fill. A
/// struct implementation costs nothing when its methods do nothing, so the statistics, the walk-forward equity curve
/// and the plain run all share the one definition of the fills.
/// </summary>
public interface IThresholdObserver
{
    /// <summary>Called after each bar with its equity (cash when flat, units × close when long).</summary>
    void OnBar(int bar, double equity);

    /// <summary>Called when a buy fills with all of <paramref name="cash"/>.</summary>
    void OnEntry(double cash);

    /// <summary>Called when a sell fills and returns <paramref name="cash"/>.</summary>
    void OnExit(double cash);
}
