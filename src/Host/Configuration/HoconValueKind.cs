namespace ActorArb.Host.Configuration;

/// <summary>The type of a resolved HOCON value.</summary>
public enum HoconValueKind
{
    /// <summary>An object: keys in source order, each with a value.</summary>
    Object,

    /// <summary>A list of values.</summary>
    Array,

    /// <summary>A string, quoted, unquoted or built by concatenation.</summary>
    String,

    /// <summary>A number, kept as the text it was written with so callers can parse it exactly.</summary>
    Number,

    /// <summary>The literal <c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>The literal <c>null</c>.</summary>
    Null,
}
