namespace ActorArb.Actors.Runtime;

/// <summary>
/// The system's dead-letter office: every message it is told is published on the event stream as a
/// <see cref="DeadLetter"/> (wrapped in one if it is not one already).
/// </summary>
internal sealed class DeadLetterRef(ActorSystem system) : IInternalActorRef
{
    private long _count;

    public string Path => "/deadLetters";

    public ActorSystem System => system;

    /// <summary>Gets the number of dead letters received so far.</summary>
    public long Count => Interlocked.Read(ref _count);

    public void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        Interlocked.Increment(ref _count);
        system.EventStream.Publish(message as DeadLetter ?? new DeadLetter(message, sender, this));
    }

    public override string ToString() => Path;
}
