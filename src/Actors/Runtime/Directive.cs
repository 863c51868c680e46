namespace ActorArb.Actors.Runtime;

/// <summary>What a supervisor does with a child that threw while handling a message.</summary>
public enum Directive
{
    /// <summary>Keep the same instance and its state; the failing message is dropped.</summary>
    Resume,

    /// <summary>Replace the instance with a fresh one from the props' factory; the mailbox is kept.</summary>
    Restart,

    /// <summary>Stop the child; its remaining messages go to dead letters.</summary>
    Stop,

    /// <summary>Fail the supervisor itself with the same exception, so that its own supervisor decides.</summary>
    Escalate,
}
