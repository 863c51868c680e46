namespace ActorArb.Actors.Replay.Sources;

/// <summary>
/// Thrown when a data file cannot be read as the expected format: a wrong header always, and a bad row under
/// <see cref="BadRowPolicy.Stop"/>. The message is <c>file:line: reason: raw text</c>, like a compiler error, so
/// editors and terminals can jump to it.
/// </summary>
public sealed class DataFormatException : Exception
{
    /// <summary>The longest row text quoted in a message or sample; longer rows are cut and marked with an ellipsis.</summary>
    public const int MaxQuotedChars = 200;

    /// <summary>Creates the exception for <paramref name="file"/> at 1-based <paramref name="line"/>.</summary>
    public DataFormatException(string file, int line, string reason, string rawText)
        : base(Format(file, line, reason, rawText))
    {
        File = file;
        Line = line;
        Reason = reason;
        RawText = rawText;
    }

    /// <summary>Gets the file's path as the source was given it.</summary>
    public string File { get; }

    /// <summary>Gets the 1-based line number (the header is line 1).</summary>
    public int Line { get; }

    /// <summary>Gets why the line was refused, e.g. <c>high below low</c>.</summary>
    public string Reason { get; }

    /// <summary>Gets the text of the line (cut at <see cref="MaxQuotedChars"/>).</summary>
    public string RawText { get; }

    /// <summary>Returns <c>file:line: reason: raw text</c>, with the text cut at <see cref="MaxQuotedChars"/>.</summary>
    public static string Format(string file, int line, string reason, ReadOnlySpan<char> rawText) =>
        $"{file}:{line}: {reason}: {Quote(rawText)}";

    /// <summary>Returns the row text cut to <see cref="MaxQuotedChars"/> characters.</summary>
    internal static string Quote(ReadOnlySpan<char> rawText) =>
        rawText.Length <= MaxQuotedChars ? rawText.ToString() : string.Concat(rawText[..MaxQuotedChars], "…");
}
