using ActorArb.Actors.Runtime;

namespace ActorArb.Actors.Replay;

/// <summary>
/// Sits between the stages a resumed replay re-runs from the start (candles, regimes) and those it restores from a
/// checkpoint: it drops the first <c>skip</c> messages, which the restored stages handled before the checkpoint,
/// and forwards the rest. It counts every message, so a checkpoint records where the cut lies.
/// </summary>
internal sealed class ReplayGate : ReceiveActor
{
    private readonly IActorRef _next;
    private readonly long _skip;
    private long _count;

    private ReplayGate(IActorRef next, long skip)
    {
        _next = next;
        _skip = skip;
        Receive<TakeCheckpoint>(c => c.ReplyTo.Tell(new Passed(_count), Self));
        ReceiveAny(Forward);
    }

    public static Props Props(IActorRef next, long skip) => Runtime.Props.Create(() => new ReplayGate(next, skip));

    private void Forward(object message)
    {
        if (++_count > _skip)
        {
            _next.Tell(message, Sender);
        }
    }

    /// <summary>The gate's answer at a checkpoint: how many messages it has received.</summary>
    public sealed record Passed(long Count);
}
