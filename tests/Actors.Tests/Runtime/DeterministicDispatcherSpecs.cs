using ActorArb.Actors.Runtime;
using ActorArb.Actors.Runtime.Testing;
using ActorArb.Domain.Time;

namespace ActorArb.Actors.Tests.Runtime;

/// <summary>What only the deterministic dispatcher promises: global FIFO order, single-threaded runs, identical traces.</summary>
public sealed class DeterministicDispatcherSpecs : IAsyncLifetime
{
    private readonly ManualClock _clock = new(10_000);
    private readonly ActorSystem _sys;
    private readonly DeterministicDispatcher _dispatcher;

    public DeterministicDispatcherSpecs()
    {
        _sys = ActorSystem.CreateDeterministic("det", _clock);
        _dispatcher = _sys.Deterministic!;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _sys.TerminateAsync();

    [Fact]
    public void RunUntilIdle_should_handle_messages_in_global_enqueue_order_across_actors()
    {
        var trace = new List<string>();
        var a = _sys.ActorOf(Props.Create(() => new TraceActor("a", trace, null)), "a");
        var b = _sys.ActorOf(Props.Create(() => new TraceActor("b", trace, a)), "b");

        a.Tell(1);
        b.Tell(2);
        a.Tell(3);
        b.Tell(4);
        var handled = _dispatcher.RunUntilIdle();

        // b forwards to a, and those forwards queue behind everything already enqueued.
        Assert.Equal(["a:1", "b:2", "a:3", "b:4", "a:102", "a:104"], trace);
        Assert.Equal(6, handled);
        Assert.Equal(6, _dispatcher.Processed);
        Assert.Equal(0, _dispatcher.Pending);
    }

    [Fact]
    public void Tell_should_not_run_anything_until_the_dispatcher_is_driven()
    {
        var trace = new List<string>();
        var a = _sys.ActorOf(Props.Create(() => new TraceActor("a", trace, null)), "a");

        a.Tell(1);

        Assert.Empty(trace);
        Assert.Equal(1, _dispatcher.Pending);
        _dispatcher.RunUntilIdle();
        Assert.Equal(["a:1"], trace);
    }

    [Fact]
    public void RunUntilIdle_should_refuse_to_be_called_from_inside_a_handler()
    {
        var failures = new TestProbe(_sys, "failures");
        _sys.EventStream.Subscribe(failures, typeof(ActorFailed));
        var reentrant = _sys.ActorOf(Props.Create(() => new ReentrantActor(_dispatcher)), "reentrant");

        reentrant.Tell("go");

        Assert.IsType<InvalidOperationException>(failures.ExpectMsg<ActorFailed>().Cause);
    }

    [Fact]
    public void Same_seeded_workload_should_give_identical_traces_on_two_runs()
    {
        var first = RunSeededWorkload(seed: 42);
        var second = RunSeededWorkload(seed: 42);
        var other = RunSeededWorkload(seed: 7);

        Assert.True(first.Count > 1_000, $"workload too small: {first.Count}");
        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Restarted_actor_with_backoff_should_handle_its_waiting_messages_in_order_once_resumed()
    {
        var probe = new TestProbe(_sys);
        var backoff = new BackoffStrategy(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), 5, TimeSpan.FromMinutes(1));
        var counter = _sys.ActorOf(CounterActor.Props(probe).WithSupervisorStrategy(backoff), "counter");
        var other = _sys.ActorOf(EchoActor.Props(), "other");

        counter.Tell(new TestMessages.Fail("boom"));
        counter.Tell(new TestMessages.Add(1));
        other.Tell("x", probe);
        counter.Tell(new TestMessages.Add(2));
        _dispatcher.RunUntilIdle();
        Assert.Equal("x", probe.ExpectMsg<string>());
        probe.ExpectNoMsg();
        counter.Tell(new TestMessages.Add(3));

        _dispatcher.Advance(TimeSpan.FromMilliseconds(100));

        Assert.Equal("pre-restart boom Fail { Reason = boom }", probe.ExpectMsg<string>());
        Assert.Equal("post-stop /user/counter", probe.ExpectMsg<string>());
        Assert.Equal("post-restart", probe.ExpectMsg<string>());
        Assert.Equal("added 1", probe.ExpectMsg<string>());
        Assert.Equal("added 2", probe.ExpectMsg<string>());
        Assert.Equal("added 3", probe.ExpectMsg<string>());
    }

    [Fact]
    public async Task Ask_should_time_out_only_when_virtual_time_passes_the_timeout()
    {
        var silent = _sys.ActorOf(CounterActor.Props(), "silent");
        var pending = silent.Ask<int>(new TestMessages.Add(1), TimeSpan.FromSeconds(5));

        _dispatcher.Advance(TimeSpan.FromMilliseconds(4_999));
        Assert.False(pending.IsCompleted);
        _dispatcher.Advance(TimeSpan.FromMilliseconds(1));

        await Assert.ThrowsAsync<AskTimeoutException>(() => pending);
        Assert.Equal(15_000, _clock.NowMs);
    }

    private static List<string> RunSeededWorkload(int seed)
    {
        var clock = new ManualClock(0);
        var system = ActorSystem.CreateDeterministic("workload", clock);
        var trace = new List<string>();
        var nodes = new IActorRef[8];
        for (var i = 0; i < nodes.Length; i++)
        {
            var index = i;
            nodes[i] = system.ActorOf(Props.Create(() => new GossipActor(index, seed, nodes, trace, clock)), "node" + i);
        }

        var random = new Random(seed);
        for (var step = 0; step < 50; step++)
        {
            nodes[random.Next(nodes.Length)].Tell(new GossipActor.Hop(step, 30));
            system.Deterministic!.Advance(TimeSpan.FromMilliseconds(random.Next(0, 20)));
        }

        system.Deterministic!.Advance(TimeSpan.FromSeconds(10));
        return trace;
    }

    private sealed class TraceActor : ReceiveActor
    {
        public TraceActor(string name, List<string> trace, IActorRef? forwardTo) =>
            Receive<int>(n =>
            {
                trace.Add($"{name}:{n}");
                forwardTo?.Tell(n + 100);
            });
    }

    private sealed class ReentrantActor : ReceiveActor
    {
        public ReentrantActor(DeterministicDispatcher dispatcher) => Receive<string>(_ => dispatcher.RunUntilIdle());
    }

    /// <summary>
    /// Passes hops to pseudo-randomly chosen peers, sometimes through a timer, recording (time, node, hop) as it goes:
    /// any nondeterminism in ordering or timing would change the trace.
    /// </summary>
    private sealed class GossipActor : ReceiveActor
    {
        private readonly Random _random;

        public GossipActor(int index, int seed, IActorRef[] peers, List<string> trace, ManualClock clock)
        {
            _random = new Random(seed * 31 + index);
            Receive<Hop>(hop =>
            {
                trace.Add($"{clock.NowMs} n{index} {hop.Id}/{hop.Remaining}");
                if (hop.Remaining == 0)
                {
                    return;
                }

                var next = new Hop(hop.Id, hop.Remaining - 1);
                var peer = peers[_random.Next(peers.Length)];
                if (_random.Next(4) == 0)
                {
                    Context.Timers.StartSingleTimer(next, new Relay(peer, next), TimeSpan.FromMilliseconds(_random.Next(1, 50)));
                }
                else
                {
                    peer.Tell(next, Self);
                }
            });
            Receive<Relay>(relay => relay.Peer.Tell(relay.Hop, Self));
        }

        public sealed record Hop(int Id, int Remaining);

        public sealed record Relay(IActorRef Peer, Hop Hop);
    }
}
