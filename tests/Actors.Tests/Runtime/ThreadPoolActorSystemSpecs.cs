using ActorArb.Actors.Runtime;

namespace ActorArb.Actors.Tests.Runtime;

/// <summary>Runs <see cref="ActorSystemSpecs"/> on the thread-pool dispatcher.</summary>
public sealed class ThreadPoolActorSystemSpecs() : ActorSystemSpecs(ActorSystem.Create("threadpool"))
{
    protected override Task RunSenders(int senders, Action<int> send) =>
        Task.WhenAll(Enumerable.Range(0, senders).Select(id => Task.Run(() => send(id))));
}
