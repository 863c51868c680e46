namespace ActorArb.Actors.Runtime;

/// <summary>
/// Describes an actor's mailbox: <paramref name="Capacity"/> 0 means unbounded (the default); a positive capacity
/// bounds the queue and applies <paramref name="Overflow"/> when it is full.
/// </summary>
public sealed record MailboxOptions(int Capacity, OverflowPolicy Overflow)
{
    /// <summary>Gets the default, unbounded mailbox.</summary>
    public static MailboxOptions Unbounded { get; } = new(0, OverflowPolicy.DropNewest);

    /// <summary>Gets a value indicating whether this mailbox has a capacity.</summary>
    public bool IsBounded => Capacity > 0;
}
