using ActorArb.Actors.Runtime;
using ActorArb.Actors.Runtime.Testing;
using ActorArb.Domain.Time;

namespace ActorArb.Actors.Tests.Runtime;

/// <summary>Restart with exponential backoff, measured on virtual time.</summary>
public sealed class BackoffStrategySpecs : IAsyncLifetime
{
    private static readonly TimeSpan Min = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Max = TimeSpan.FromMilliseconds(400);

    private readonly ManualClock _clock = new(0);
    private readonly ActorSystem _sys;
    private readonly DeterministicDispatcher _dispatcher;
    private readonly TestProbe _probe;

    public BackoffStrategySpecs()
    {
        _sys = ActorSystem.CreateDeterministic("backoff", _clock);
        _dispatcher = _sys.Deterministic!;
        _probe = new TestProbe(_sys);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _sys.TerminateAsync();

    [Fact]
    public void DelayFor_should_double_from_min_and_cap_at_max()
    {
        var strategy = new BackoffStrategy(Min, Max, 10, TimeSpan.FromMinutes(1));

        var delays = Enumerable.Range(1, 5).Select(n => strategy.DelayFor(n).TotalMilliseconds);

        Assert.Equal([100, 200, 400, 400, 400], delays);
    }

    [Fact]
    public void Failing_child_should_not_handle_messages_until_its_backoff_elapses_on_virtual_time()
    {
        var counter = SpawnCounter(new BackoffStrategy(Min, Max, 10, TimeSpan.FromMinutes(1)));

        foreach (var expectedDelay in new[] { 100, 200, 400, 400 })
        {
            counter.Tell(new TestMessages.Fail("boom"));
            _probe.Send(counter, new TestMessages.GetTotal());
            _dispatcher.RunUntilIdle();
            var failedAt = _clock.NowMs;

            _dispatcher.Advance(TimeSpan.FromMilliseconds(expectedDelay - 1));
            _probe.ExpectNoMsg();
            _dispatcher.Advance(TimeSpan.FromMilliseconds(1));

            Assert.Equal(0, _probe.ExpectMsg<int>());
            Assert.Equal(failedAt + expectedDelay, _clock.NowMs);
        }
    }

    [Fact]
    public void Child_should_be_stopped_after_max_restarts_within_the_window()
    {
        var counter = SpawnCounter(new BackoffStrategy(Min, Max, 3, TimeSpan.FromSeconds(10)));
        _probe.Watch(counter);

        for (var restart = 0; restart < 3; restart++)
        {
            counter.Tell(new TestMessages.Fail("boom"));
            _dispatcher.Advance(Max);
            _probe.ExpectNoMsg();
        }

        counter.Tell(new TestMessages.Fail("one too many"));

        Assert.Same(counter, _probe.ExpectMsg<Terminated>().ActorRef);
    }

    [Fact]
    public void Backoff_should_start_again_from_min_once_the_window_has_passed()
    {
        var counter = SpawnCounter(new BackoffStrategy(Min, Max, 3, TimeSpan.FromSeconds(1)));
        counter.Tell(new TestMessages.Fail("first"));
        _dispatcher.Advance(Min);
        counter.Tell(new TestMessages.Fail("second"));
        _dispatcher.Advance(TimeSpan.FromMilliseconds(200));

        _dispatcher.Advance(TimeSpan.FromSeconds(2));
        counter.Tell(new TestMessages.Fail("after the window"));
        _probe.Send(counter, new TestMessages.GetTotal());
        _dispatcher.Advance(TimeSpan.FromMilliseconds(99));
        _probe.ExpectNoMsg();
        _dispatcher.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(0, _probe.ExpectMsg<int>());
    }

    [Fact]
    public void Seeded_jitter_should_give_the_same_delays_on_every_run()
    {
        static List<long> Run(int seed)
        {
            var clock = new ManualClock(0);
            var system = ActorSystem.CreateDeterministic("jitter", clock);
            var probe = new TestProbe(system);
            var strategy = new BackoffStrategy(Min, TimeSpan.FromSeconds(10), 10, TimeSpan.FromMinutes(1), randomFactor: 0.5, seed: seed);
            var counter = system.ActorOf(CounterActor.Props().WithSupervisorStrategy(strategy), "counter");
            var restartTimes = new List<long>();
            for (var i = 0; i < 4; i++)
            {
                counter.Tell(new TestMessages.Fail("boom"));
                probe.Send(counter, new TestMessages.GetTotal());
                while (probe.Pending == 0)
                {
                    system.Deterministic!.Advance(TimeSpan.FromMilliseconds(1));
                }

                probe.ExpectMsg<int>();
                restartTimes.Add(clock.NowMs);
            }

            return restartTimes;
        }

        var first = Run(seed: 3);

        Assert.Equal(first, Run(seed: 3));
        Assert.True(first[0] >= 100 && first[0] <= 150, $"first delay {first[0]} outside [100, 150]");
    }

    private IActorRef SpawnCounter(BackoffStrategy strategy)
    {
        var counter = _sys.ActorOf(CounterActor.Props().WithSupervisorStrategy(strategy), "counter");
        _dispatcher.RunUntilIdle();
        return counter;
    }
}
