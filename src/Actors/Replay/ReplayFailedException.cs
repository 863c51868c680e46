namespace ActorArb.Actors.Replay;

/// <summary>A replay stopped before the end of its data; the message says why (e.g. <c>file:line: reason</c>).</summary>
public sealed class ReplayFailedException(string message) : Exception(message);
