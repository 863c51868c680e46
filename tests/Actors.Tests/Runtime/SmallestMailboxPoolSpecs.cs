using ActorArb.Actors.Runtime;
using ActorArb.Actors.Runtime.Testing;
using ActorArb.Domain.Time;

namespace ActorArb.Actors.Tests.Runtime;

/// <summary>The smallest-mailbox router picks the least-loaded routee, on both dispatchers.</summary>
public sealed class SmallestMailboxPoolSpecs
{
    [Fact]
    public async Task SmallestMailboxPool_should_route_to_the_routee_with_the_fewest_queued_messages_when_deterministic()
    {
        await using var sys = ActorSystem.CreateDeterministic("smallest", new ManualClock(0));
        var probe = new TestProbe(sys);
        var router = sys.ActorOf(Props.Create(() => new LoadableActor()).WithRouter(new SmallestMailboxPool(3)), "router");
        probe.Send(router, GetRoutees.Instance);
        var routees = probe.ExpectMsg<Routees>().Members;

        // Handling "load" makes a routee queue messages for itself behind the router's next messages.
        routees[0].Tell(new LoadableActor.Load(5));
        routees[1].Tell(new LoadableActor.Load(2));
        probe.Send(router, "m1");
        probe.Send(router, "m2");
        probe.Send(router, "m3");

        // Queued when routing: m1 sees (5, 2, 0); m2 sees (5, 2, 1); m3 sees (5, 2, 2) and breaks the tie by index.
        Assert.Equal("/user/router/$2 m1", probe.ExpectMsg<string>());
        Assert.Equal("/user/router/$2 m2", probe.ExpectMsg<string>());
        Assert.Equal("/user/router/$1 m3", probe.ExpectMsg<string>());
    }

    [Fact]
    public async Task SmallestMailboxPool_should_avoid_a_routee_with_a_backlog_on_the_thread_pool()
    {
        await using var sys = ActorSystem.Create("smallest");
        using var gate = new Gate();
        var probe = new TestProbe(sys);
        var router = sys.ActorOf(GatedActor.Props(gate, probe).WithRouter(new SmallestMailboxPool(3)), "router");
        probe.Send(router, GetRoutees.Instance);
        var busy = probe.ExpectMsg<Routees>().Members[0];
        busy.Tell("block");
        Assert.True(gate.WaitUntilParked());
        busy.Tell(-1);

        // One at a time, so that the other routees hold at most one message whenever the router chooses: the parked
        // $0 (one in hand, one queued) must never be chosen, whereas round robin would choose it every third time.
        var receivers = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            router.Tell(i);
            Assert.Equal(i, probe.ExpectMsg<int>());
            receivers.Add(probe.LastSender.Path);
        }

        gate.Open();
        Assert.DoesNotContain(busy.Path, receivers);
        Assert.Equal(-1, probe.ExpectMsg<int>());
    }

    private sealed class LoadableActor : ReceiveActor
    {
        public LoadableActor()
        {
            Receive<Load>(load =>
            {
                for (var i = 0; i < load.Count; i++)
                {
                    Self.Tell(new Noise());
                }
            });
            Receive<Noise>(_ => { });
            Receive<string>(s => Sender.Tell($"{Self.Path} {s}"));
        }

        public sealed record Load(int Count);

        public sealed record Noise;
    }
}
