using ActorArb.Actors.Runtime;
using ActorArb.Actors.Runtime.Testing;

namespace ActorArb.Actors.Tests.Runtime;

/// <summary>Supervision and lifecycle, shared by both dispatchers.</summary>
public abstract partial class ActorSystemSpecs
{
    [Fact]
    public void Failing_actor_should_be_restarted_by_default_with_fresh_state_and_keep_the_messages_queued_behind_the_failure()
    {
        var probe = new TestProbe(Sys);
        var constructions = 0;
        var counter = Sys.ActorOf(CounterActor.Props(probe, () => Interlocked.Increment(ref constructions)), "counter");

        counter.Tell(new TestMessages.Add(5));
        counter.Tell(new TestMessages.Fail("boom"));
        counter.Tell(new TestMessages.Add(2));
        counter.Tell(new TestMessages.Add(3));
        probe.Send(counter, new TestMessages.GetTotal());

        Assert.Equal("added 5", probe.ExpectMsg<string>());
        Assert.Equal("pre-restart boom Fail { Reason = boom }", probe.ExpectMsg<string>());
        Assert.Equal("post-stop /user/counter", probe.ExpectMsg<string>());
        Assert.Equal("post-restart", probe.ExpectMsg<string>());
        Assert.Equal("added 2", probe.ExpectMsg<string>());
        Assert.Equal("added 3", probe.ExpectMsg<string>());
        Assert.Equal(5, probe.ExpectMsg<int>());
        Assert.Equal(2, Volatile.Read(ref constructions));
    }

    [Fact]
    public void Supervisor_should_keep_the_instance_and_its_state_when_the_directive_is_Resume()
    {
        var probe = new TestProbe(Sys);
        var resume = new OneForOneStrategy(-1, Timeout.InfiniteTimeSpan, _ => Directive.Resume);
        var parent = Sys.ActorOf(ParentActor.Props(CounterActor.Props(), resume, probe), "parent");
        probe.ExpectMsg<string>(s => s == "parent-started");

        parent.Tell(new TestMessages.Add(4));
        parent.Tell(new TestMessages.Fail("ignored"));
        parent.Tell(new TestMessages.Add(6));
        probe.Send(parent, new TestMessages.GetTotal());

        Assert.Equal(10, probe.ExpectMsg<int>());
    }

    [Fact]
    public void Supervisor_should_stop_the_child_when_the_directive_is_Stop()
    {
        var probe = new TestProbe(Sys);
        var failures = new TestProbe(Sys, "failures");
        Sys.EventStream.Subscribe(failures, typeof(ActorFailed));
        var parent = Sys.ActorOf(ParentActor.Props(CounterActor.Props(probe), SupervisorStrategy.Stopping, probe), "parent");
        probe.ExpectMsg<string>(s => s == "parent-started");

        parent.Tell(new TestMessages.Fail("fatal"));

        Assert.Equal("post-stop /user/parent/child", probe.ExpectMsg<string>());
        var failed = failures.ExpectMsg<ActorFailed>();
        Assert.Equal(Directive.Stop, failed.Directive);
        Assert.Equal("/user/parent/child", failed.Actor.Path);
    }

    [Fact]
    public void Supervisor_should_stop_a_child_that_exceeds_its_restart_limit_within_the_window()
    {
        var probe = new TestProbe(Sys);
        var twice = new OneForOneStrategy(2, TimeSpan.FromMinutes(1), _ => Directive.Restart);
        var parent = Sys.ActorOf(ParentActor.Props(CounterActor.Props(probe), twice, probe), "parent");
        probe.ExpectMsg<string>(s => s == "parent-started");

        parent.Tell(new TestMessages.Fail("1"));
        parent.Tell(new TestMessages.Fail("2"));
        parent.Tell(new TestMessages.Fail("3"));

        Assert.Equal("post-restart", probe.FishForMessage<string>(s => s == "post-restart"));
        Assert.Equal("post-restart", probe.FishForMessage<string>(s => s == "post-restart"));
        Assert.Equal("post-stop /user/parent/child", probe.FishForMessage<string>(s => s.StartsWith("post-stop", StringComparison.Ordinal)));
        probe.ExpectNoMsg();
    }

    [Fact]
    public void Escalate_should_fail_the_parent_so_that_the_grandparent_restarts_it_and_its_children()
    {
        var probe = new TestProbe(Sys);
        var escalate = new OneForOneStrategy(-1, Timeout.InfiniteTimeSpan, _ => Directive.Escalate);
        var parent = Sys.ActorOf(ParentActor.Props(CounterActor.Props(), escalate, probe), "parent");
        probe.ExpectMsg<string>(s => s == "parent-started");
        parent.Tell(new TestMessages.Add(3));

        parent.Tell(new TestMessages.Fail("up"));

        Assert.Equal("parent-pre-restart up", probe.ExpectMsg<string>());
        Assert.Equal("post-stop /user/parent", probe.ExpectMsg<string>());
        Assert.Equal("parent-started", probe.ExpectMsg<string>());
        probe.Send(parent, new TestMessages.GetTotal());
        Assert.Equal(0, probe.ExpectMsg<int>());
    }

    [Fact]
    public void Actor_that_fails_to_start_should_be_stopped_by_the_default_strategy()
    {
        var probe = new TestProbe(Sys);
        var failures = new TestProbe(Sys, "failures");
        Sys.EventStream.Subscribe(failures, typeof(ActorFailed));
        var broken = Sys.ActorOf(Props.Create<EchoActor>(() => throw new InvalidOperationException("no config")), "broken");
        probe.Watch(broken);

        var failed = failures.ExpectMsg<ActorFailed>();

        Assert.IsType<ActorInitializationException>(failed.Cause);
        Assert.Equal(Directive.Stop, failed.Directive);
        probe.ExpectMsg<Terminated>();
    }

    [Fact]
    public void Stop_should_stop_children_first_then_run_PostStop_then_tell_watchers()
    {
        var probe = new TestProbe(Sys);
        var parent = Sys.ActorOf(ParentActor.Props(CounterActor.Props(probe), null, probe), "parent");
        probe.ExpectMsg<string>(s => s == "parent-started");
        probe.Watch(parent);

        Sys.Stop(parent);

        Assert.Equal("post-stop /user/parent/child", probe.ExpectMsg<string>());
        Assert.Equal("post-stop /user/parent", probe.ExpectMsg<string>());
        Assert.Same(parent, probe.ExpectMsg<Terminated>().ActorRef);
    }

    [Fact]
    public void Name_should_be_reusable_after_the_actor_has_stopped()
    {
        var probe = new TestProbe(Sys);
        var first = Sys.ActorOf(EchoActor.Props(), "again");
        probe.Watch(first);
        Sys.Stop(first);
        probe.ExpectMsg<Terminated>();

        var second = Sys.ActorOf(EchoActor.Props(), "again");

        probe.Send(second, "back");
        Assert.Equal("back", probe.ExpectMsg<string>());
    }

    [Fact]
    public async Task TerminateAsync_should_stop_every_actor_children_first()
    {
        var probe = new TestProbe(Sys);
        Sys.ActorOf(ParentActor.Props(CounterActor.Props(probe), null, probe), "parent");
        probe.ExpectMsg<string>(s => s == "parent-started");

        await Sys.TerminateAsync();

        Assert.Equal("post-stop /user/parent/child", probe.ExpectMsg<string>());
        Assert.Equal("post-stop /user/parent", probe.ExpectMsg<string>());
        Assert.True(Sys.WhenTerminated.IsCompleted);
    }
}
