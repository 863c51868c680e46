namespace ActorArb.Domain.Validation;

/// <summary>
/// Which consecutive bars make a stale run. "Repeats" means the bar has exactly the previous bar's open, high, low and
/// close; a run only ever spans bars one timeframe apart (a gap ends it).
/// </summary>
public enum StaleRule
{
    /// <summary>After its first bar, every bar of the run has zero volume or repeats the previous bar (the default).</summary>
    Either,

    /// <summary>Every bar of the run has zero volume, and after the first each repeats the previous bar.</summary>
    Both,

    /// <summary>Every bar of the run has zero volume.</summary>
    ZeroVolume,

    /// <summary>Every bar of the run has the same open, high, low and close.</summary>
    IdenticalOhlc,
}
