namespace ActorArb.Domain.Validation;

/// <summary>
/// One thing the validator found: its kind, where (the bar's open time and, when known, the file line) and a message
/// that quotes the values involved. Findings about a run of bars (gaps, stale runs, divergence) also carry the end of
/// the run and its length.
/// </summary>
/// <param name="Kind">What was found.</param>
/// <param name="TimeMs">
/// The open time of the bar concerned, or of the first bar of a run (for a gap: the first missing bar); null only for
/// an unreadable row whose time could not be read.
/// </param>
/// <param name="Line">The 1-based file line of the row concerned (for a gap: the bar after it); null when not from a file.</param>
/// <param name="Message">What is wrong, with the values, e.g. <c>high 0.99 below max(open 1, close 0.995)</c>.</param>
/// <param name="EndTimeMs">For a run, the time it ends (exclusive: the close time of its last bar); otherwise null.</param>
/// <param name="Bars">The number of bars concerned: missing bars for a gap, bars in a run, otherwise 1.</param>
/// <param name="Value">
/// The measure behind the finding, when there is one: the robust score of an outlier (infinite when the window has no
/// spread at all) or the largest <c>|close_a / close_b − 1|</c> of a divergent run; otherwise null.
/// </param>
public sealed record ValidationFinding(
    ValidationKind Kind,
    long? TimeMs,
    int? Line,
    string Message,
    long? EndTimeMs = null,
    int Bars = 1,
    double? Value = null)
{
    /// <summary>Gets whether the finding fails its series or only warns.</summary>
    public ValidationSeverity Severity => ValidationKinds.SeverityOf(Kind);
}
