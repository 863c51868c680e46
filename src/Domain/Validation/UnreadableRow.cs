namespace ActorArb.Domain.Validation;

/// <summary>A row its reader could not turn into a <see cref="CandleRow"/>: the line, why, and the text as written.</summary>
/// <param name="Line">The 1-based line of the row in its file.</param>
/// <param name="Reason">Why the row could not be read, e.g. <c>unparsable price (high)</c>.</param>
/// <param name="Text">The row's text, possibly cut by the reader.</param>
public sealed record UnreadableRow(int Line, string Reason, string Text);
