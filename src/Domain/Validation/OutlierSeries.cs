namespace ActorArb.Domain.Validation;

/// <summary>Which values the robust outlier test looks at.</summary>
public enum OutlierSeries
{
    /// <summary>Both one-bar returns and closes (the default): a spike shows in both, a level shift first in the closes.</summary>
    Both,

    /// <summary>One-bar returns <c>close / previous close − 1</c> only.</summary>
    Returns,

    /// <summary>Closes only.</summary>
    Closes,
}
