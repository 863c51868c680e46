namespace ActorArb.Actors.Runtime.Dispatch;

/// <summary>The live and paper dispatcher: every actor drains its own channel on the .NET thread pool.</summary>
internal sealed class ThreadPoolDispatcher(int throughput) : IDispatcher
{
    public Mailbox CreateMailbox(ActorCell cell, MailboxOptions options) => new ThreadPoolMailbox(cell, options, throughput);
}
