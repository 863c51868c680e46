using ActorArb.Actors.Runtime;
using ActorArb.Domain.Time;

namespace ActorArb.Actors.Tests.Runtime;

/// <summary>Runs <see cref="ActorSystemSpecs"/> on the deterministic dispatcher.</summary>
public sealed class DeterministicActorSystemSpecs() : ActorSystemSpecs(ActorSystem.CreateDeterministic("deterministic", new ManualClock(1_000)))
{
    protected override Task RunSenders(int senders, Action<int> send)
    {
        for (var id = 0; id < senders; id++)
        {
            send(id);
        }

        return Task.CompletedTask;
    }
}
