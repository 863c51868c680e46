namespace ActorArb.Domain.Validation;

/// <summary>
/// Configures <see cref="CandleValidator"/> and <see cref="CrossSeriesValidator"/>. Windows and runs are counted in
/// bars of the series' timeframe; thresholds and deviations are fractions (0.01 = 1 %).
/// </summary>
/// <param name="StaleBars">The shortest run that is reported as stale.</param>
/// <param name="StaleRule">Which bars make a stale run.</param>
/// <param name="OutlierWindow">
/// The number of earlier values (returns or closes) whose median and MAD a value is measured against; a value is tested
/// only once that many came before it, so the first bars of a series are never outliers.
/// </param>
/// <param name="OutlierThreshold">
/// The robust score <c>|x − median| / (1.4826 · MAD)</c> above which a value is an outlier. When the MAD is zero
/// (more than half the window is one value) the scale falls back to <c>1.2533 · mean |x − median|</c>; when that is
/// zero too, any value off the median scores infinity.
/// </param>
/// <param name="OutlierMinDeviation">
/// The smallest deviation from the median that can be an outlier: <c>|r − median|</c> for returns,
/// <c>|x − median| / median</c> for closes. It keeps a one-tick move out of a window with no spread from being
/// reported, which a robust score alone would flag at infinity.
/// </param>
/// <param name="OutlierSeries">Whether returns, closes or both are tested.</param>
/// <param name="DivergenceThreshold">The <c>|close_a / close_b − 1|</c> above which two aligned bars diverge.</param>
/// <param name="LongestGaps">How many of the longest gaps the summary lists.</param>
public sealed record ValidationOptions(
    int StaleBars = 30,
    StaleRule StaleRule = StaleRule.Either,
    int OutlierWindow = 60,
    double OutlierThreshold = 8,
    double OutlierMinDeviation = 0.001,
    OutlierSeries OutlierSeries = OutlierSeries.Both,
    double DivergenceThreshold = 0.01,
    int LongestGaps = 20)
{
    private const string Owner = nameof(ValidationOptions);

    /// <summary>Gets the defaults.</summary>
    public static ValidationOptions Default { get; } = new();

    /// <summary>Throws when a run length, window or threshold is out of range.</summary>
    /// <exception cref="ArgumentException">An option is out of range; the message names it.</exception>
    public void Validate()
    {
        Guard.Require(StaleBars >= 2, Owner, nameof(StaleBars), "must be at least 2");
        Guard.Require(Enum.IsDefined(StaleRule), Owner, nameof(StaleRule), "must be a StaleRule");
        Guard.Require(OutlierWindow >= 3, Owner, nameof(OutlierWindow), "must be at least 3");
        Guard.Require(OutlierThreshold > 0 && double.IsFinite(OutlierThreshold), Owner, nameof(OutlierThreshold), "must be positive and finite");
        Guard.Require(OutlierMinDeviation >= 0 && double.IsFinite(OutlierMinDeviation), Owner, nameof(OutlierMinDeviation), "must be finite and not negative");
        Guard.Require(Enum.IsDefined(OutlierSeries), Owner, nameof(OutlierSeries), "must be an OutlierSeries");
        Guard.Require(DivergenceThreshold > 0 && double.IsFinite(DivergenceThreshold), Owner, nameof(DivergenceThreshold), "must be positive and finite");
        Guard.Require(LongestGaps >= 0, Owner, nameof(LongestGaps), "must not be negative");
    }
}
