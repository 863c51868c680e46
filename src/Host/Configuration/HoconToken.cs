namespace ActorArb.Host.Configuration;

/// <summary>The lexical classes of HOCON text.</summary>
internal enum HoconTokenKind
{
    Newline,
    Whitespace,
    Comma,
    Colon,
    Equals,
    PlusEquals,
    OpenBrace,
    CloseBrace,
    OpenBracket,
    CloseBracket,
    Unquoted,
    Quoted,
    TripleQuoted,
    Substitution,
    End,
}

/// <summary>
/// One token with the 1-based line and column where it starts. <see cref="Text"/> is the decoded content of a quoted
/// string, the literal text of an unquoted run, or the path inside <c>${...}</c>.
/// </summary>
internal readonly record struct HoconToken(HoconTokenKind Kind, string Text, int Line, int Column, bool Optional = false)
{
    public bool IsValueStart => Kind is HoconTokenKind.Unquoted or HoconTokenKind.Quoted or HoconTokenKind.TripleQuoted
        or HoconTokenKind.Substitution or HoconTokenKind.OpenBrace or HoconTokenKind.OpenBracket;

    public string Describe() => Kind switch
    {
        HoconTokenKind.Newline => "end of line",
        HoconTokenKind.End => "end of file",
        HoconTokenKind.Whitespace => "whitespace",
        HoconTokenKind.Quoted => HoconJson.Quote(Text),
        HoconTokenKind.TripleQuoted => "a triple-quoted string",
        HoconTokenKind.Substitution => SubstitutionText,
        _ => $"'{Text}'",
    };

    public string SubstitutionText => "${" + (Optional ? "?" : string.Empty) + Text + "}";
}
