using ActorArb.Actors.Runtime;
using ActorArb.Actors.Runtime.Testing;
using ActorArb.Domain.Time;

namespace ActorArb.Actors.Tests.Runtime;

/// <summary>The probe's expectations fail when they should, so that tests built on them can fail.</summary>
public sealed class TestProbeSpecs : IAsyncLifetime
{
    private readonly ActorSystem _sys = ActorSystem.CreateDeterministic("probe", new ManualClock(0));
    private readonly TestProbe _probe;

    public TestProbeSpecs() => _probe = new TestProbe(_sys);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _sys.TerminateAsync();

    [Fact]
    public void ExpectMsg_should_throw_when_the_next_message_has_another_type()
    {
        _probe.Tell("text");

        Assert.Throws<TestProbeException>(() => _probe.ExpectMsg<int>());
    }

    [Fact]
    public void ExpectMsg_should_throw_when_nothing_arrives_after_running_until_idle()
    {
        Assert.Throws<TestProbeException>(() => _probe.ExpectMsg<int>());
    }

    [Fact]
    public void ExpectMsg_should_throw_when_the_predicate_rejects_the_message()
    {
        _probe.Tell(3);

        Assert.Throws<TestProbeException>(() => _probe.ExpectMsg<int>(n => n > 3));
    }

    [Fact]
    public void ExpectNoMsg_should_throw_when_a_message_arrives()
    {
        var echo = _sys.ActorOf(EchoActor.Props(), "echo");
        _probe.Send(echo, "late");

        Assert.Throws<TestProbeException>(() => _probe.ExpectNoMsg());
    }

    [Fact]
    public void FishForMessage_should_skip_until_a_match_and_fail_when_none_comes()
    {
        _probe.Tell("a");
        _probe.Tell(1);
        _probe.Tell(2);

        Assert.Equal(2, _probe.FishForMessage<int>(n => n == 2));
        _probe.Tell("b");
        Assert.Throws<TestProbeException>(() => _probe.FishForMessage<int>(_ => true));
    }

    [Fact]
    public void Reply_should_go_to_the_sender_of_the_last_message()
    {
        var asker = new TestProbe(_sys, "asker");
        asker.Send(_probe, "question");
        _probe.ExpectMsg<string>();

        _probe.Reply("answer");

        Assert.Equal("answer", asker.ExpectMsg<string>());
        Assert.Same(_probe, asker.LastSender);
    }

    [Fact]
    public async Task FishForMessage_should_wait_on_wall_time_on_the_thread_pool()
    {
        await using var live = ActorSystem.Create("live-probe");
        var probe = new TestProbe(live);
        var echo = live.ActorOf(EchoActor.Props(), "echo");

        probe.Send(echo, "skip");
        probe.Send(echo, 42);

        Assert.Equal(42, probe.FishForMessage<int>(n => n == 42));
        Assert.Throws<TestProbeException>(() => probe.FishForMessage<int>(_ => true, TimeSpan.FromMilliseconds(50)));
    }
}
