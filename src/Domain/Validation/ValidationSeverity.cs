namespace ActorArb.Domain.Validation;

/// <summary>How much a finding weighs in the verdict (see <see cref="ValidationVerdict"/>).</summary>
public enum ValidationSeverity
{
    /// <summary>The data is usable but unusual or incomplete: it makes the verdict at worst <see cref="ValidationVerdict.Warn"/>.</summary>
    Warning,

    /// <summary>The data is wrong: it makes the verdict <see cref="ValidationVerdict.Fail"/>.</summary>
    Error,
}
