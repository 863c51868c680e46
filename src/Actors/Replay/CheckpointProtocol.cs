using ActorArb.Actors.Runtime;

namespace ActorArb.Actors.Replay;

/// <summary>
/// The message a replay sends each stateful stage of the chain while the chain is idle (nothing in flight), so the
/// states it collects form one consistent cut. Each stage answers <see cref="ReplyTo"/> with its protocol's
/// <c>State</c> record.
/// </summary>
/// <param name="ReplyTo">The actor that collects the states.</param>
public sealed record TakeCheckpoint(IActorRef ReplyTo);
