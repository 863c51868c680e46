namespace ActorArb.Domain.Regimes;

/// <summary>
/// The measures a regime decision was made on, as of one bar.
/// </summary>
/// <param name="Return">
/// The simple return <c>close / close[n] - 1</c> over the short return window (over fewer bars while the window is
/// still filling; zero on the first bar).
/// </param>
/// <param name="RealisedVolatility">
/// The sample standard deviation of one-bar log returns over the volatility window, multiplied by the square root
/// of the window length: the volatility over the window's horizon, not annualised (zero until two returns exist).
/// </param>
/// <param name="PegDeviation">
/// The signed deviation <c>close / peg - 1</c> (negative below the peg); zero for instruments without a peg.
/// Classification uses its absolute value.
/// </param>
public sealed record RegimeMeasures(double Return, double RealisedVolatility, double PegDeviation);
