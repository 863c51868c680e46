using ActorArb.Actors.Runtime;
using ActorArb.Actors.Runtime.Testing;
using ActorArb.Domain.Time;

namespace ActorArb.Actors.Tests.Runtime;

/// <summary>Actor timers and the scheduler on virtual time, plus one wall-time smoke test on the thread pool.</summary>
public sealed class TimerSpecs : IAsyncLifetime
{
    private readonly ManualClock _clock = new(0);
    private readonly ActorSystem _sys;
    private readonly DeterministicDispatcher _dispatcher;
    private readonly TestProbe _probe;

    public TimerSpecs()
    {
        _sys = ActorSystem.CreateDeterministic("timers", _clock);
        _dispatcher = _sys.Deterministic!;
        _probe = new TestProbe(_sys);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _sys.TerminateAsync();

    [Fact]
    public void Single_timer_should_fire_once_at_its_virtual_due_time()
    {
        var actor = Spawn();
        actor.Tell(new TimerActor.Single("tick", TimeSpan.FromSeconds(5)));

        _dispatcher.Advance(TimeSpan.FromMilliseconds(4_999));
        _probe.ExpectNoMsg();
        _dispatcher.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal("tick@5000", _probe.ExpectMsg<string>());
        _dispatcher.Advance(TimeSpan.FromMinutes(1));
        _probe.ExpectNoMsg();
    }

    [Fact]
    public void Periodic_timer_should_fire_every_interval_until_cancelled()
    {
        var actor = Spawn();
        actor.Tell(new TimerActor.Periodic("beat", TimeSpan.FromSeconds(1)));

        _dispatcher.Advance(TimeSpan.FromMilliseconds(3_500));

        Assert.Equal("beat@1000", _probe.ExpectMsg<string>());
        Assert.Equal("beat@2000", _probe.ExpectMsg<string>());
        Assert.Equal("beat@3000", _probe.ExpectMsg<string>());
        actor.Tell(new TimerActor.CancelIt("beat"));
        _dispatcher.Advance(TimeSpan.FromSeconds(10));
        _probe.ExpectNoMsg();
    }

    [Fact]
    public void Starting_a_timer_with_an_active_key_should_replace_it()
    {
        var actor = Spawn();
        actor.Tell(new TimerActor.Single("k", TimeSpan.FromSeconds(1)));
        actor.Tell(new TimerActor.Single("k", TimeSpan.FromSeconds(3)));

        _dispatcher.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal("k@3000", _probe.ExpectMsg<string>());
        _probe.ExpectNoMsg();
    }

    [Fact]
    public void Timer_message_already_in_the_mailbox_should_not_be_delivered_once_a_restart_cancelled_the_timer()
    {
        var backoff = new BackoffStrategy(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), 5, TimeSpan.FromMinutes(1));
        var actor = _sys.ActorOf(Props.Create(() => new TimerActor(_probe, _clock)).WithSupervisorStrategy(backoff), "timer");
        actor.Tell(new TimerActor.Single("stale", TimeSpan.FromMilliseconds(50)));
        actor.Tell(new TestMessages.Fail("suspend me"));

        // The timer fires at 50 ms while the actor waits for its restart at 100 ms, so its message waits in the mailbox.
        _dispatcher.Advance(TimeSpan.FromMilliseconds(60));
        Assert.Equal(1, ((ActorCell)actor).MailboxCount);
        _dispatcher.Advance(TimeSpan.FromSeconds(1));

        _probe.ExpectNoMsg();
    }

    [Fact]
    public void IsTimerActive_should_be_true_until_a_single_timer_is_delivered()
    {
        var actor = Spawn();
        actor.Tell(new TimerActor.Single("once", TimeSpan.FromSeconds(1)));
        _probe.Send(actor, new TimerActor.IsActive("once"));
        Assert.True(_probe.ExpectMsg<bool>());

        _dispatcher.Advance(TimeSpan.FromSeconds(1));
        _probe.ExpectMsg<string>();
        _probe.Send(actor, new TimerActor.IsActive("once"));

        Assert.False(_probe.ExpectMsg<bool>());
    }

    [Fact]
    public void Timers_should_be_cancelled_when_the_actor_restarts()
    {
        var actor = Spawn();
        actor.Tell(new TimerActor.Periodic("beat", TimeSpan.FromSeconds(1)));
        _dispatcher.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("beat@1000", _probe.ExpectMsg<string>());

        actor.Tell(new TestMessages.Fail("restart me"));
        _dispatcher.Advance(TimeSpan.FromSeconds(10));

        _probe.ExpectNoMsg();
    }

    [Fact]
    public void Timers_should_be_cancelled_when_the_actor_stops_without_producing_dead_letters()
    {
        var deadLetters = new TestProbe(_sys, "dead");
        _sys.EventStream.Subscribe(deadLetters, typeof(DeadLetter));
        var actor = Spawn();
        actor.Tell(new TimerActor.Periodic("beat", TimeSpan.FromSeconds(1)));
        _dispatcher.RunUntilIdle();

        _sys.Stop(actor);
        _dispatcher.Advance(TimeSpan.FromSeconds(10));

        _probe.ExpectNoMsg();
        deadLetters.ExpectNoMsg();
    }

    [Fact]
    public void ScheduleTellOnce_should_deliver_at_the_virtual_due_time_unless_disposed()
    {
        var kept = _sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(2), _probe, "kept", null);
        var dropped = _sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(1), _probe, "dropped", null);
        dropped.Dispose();

        _dispatcher.Advance(TimeSpan.FromSeconds(1));
        _probe.ExpectNoMsg();
        _dispatcher.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal("kept", _probe.ExpectMsg<string>());
        Assert.Equal(2_000, _sys.Scheduler.NowMs);
        Assert.Null(_dispatcher.NextTimerDueMs());
        GC.KeepAlive(kept);
    }

    [Fact]
    public async Task Single_timer_should_fire_on_wall_time_on_the_thread_pool()
    {
        await using var live = ActorSystem.Create("live-timers");
        var probe = new TestProbe(live);
        var actor = live.ActorOf(Props.Create(() => new TimerActor(probe, live.Clock)), "timer");

        actor.Tell(new TimerActor.Single("soon", TimeSpan.FromMilliseconds(30)));

        Assert.StartsWith("soon@", probe.ExpectMsg<string>(), StringComparison.Ordinal);
    }

    private IActorRef Spawn() => _sys.ActorOf(Props.Create(() => new TimerActor(_probe, _clock)), "timer");

    /// <summary>Starts and cancels timers on request and reports each firing as "key@time".</summary>
    private sealed class TimerActor : ReceiveActor
    {
        public TimerActor(IActorRef probe, IClock clock)
        {
            Receive<Single>(s => Context.Timers.StartSingleTimer(s.Key, new Fired(s.Key), s.Delay));
            Receive<Periodic>(p => Context.Timers.StartPeriodicTimer(p.Key, new Fired(p.Key), p.Interval));
            Receive<CancelIt>(c => Context.Timers.Cancel(c.Key));
            Receive<IsActive>(a => Sender.Tell(Context.Timers.IsTimerActive(a.Key)));
            Receive<Fired>(f => probe.Tell($"{f.Key}@{clock.NowMs}"));
            Receive<TestMessages.Fail>(f => throw new InvalidOperationException(f.Reason));
        }

        public sealed record Single(string Key, TimeSpan Delay);

        public sealed record Periodic(string Key, TimeSpan Interval);

        public sealed record CancelIt(string Key);

        public sealed record IsActive(string Key);

        public sealed record Fired(string Key);
    }
}
