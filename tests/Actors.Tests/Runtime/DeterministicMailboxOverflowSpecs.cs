using ActorArb.Actors.Runtime;
using ActorArb.Actors.Runtime.Testing;
using ActorArb.Domain.Time;

namespace ActorArb.Actors.Tests.Runtime;

/// <summary>Bounded mailboxes (capacity 3) and each overflow policy, on the deterministic dispatcher.</summary>
public sealed class DeterministicMailboxOverflowSpecs : IAsyncLifetime
{
    private readonly ActorSystem _sys = ActorSystem.CreateDeterministic("overflow", new ManualClock(0));
    private readonly TestProbe _probe;
    private readonly TestProbe _deadLetters;

    public DeterministicMailboxOverflowSpecs()
    {
        _probe = new TestProbe(_sys);
        _deadLetters = new TestProbe(_sys, "dead");
        _sys.EventStream.Subscribe(_deadLetters, typeof(DeadLetter));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _sys.TerminateAsync();

    [Fact]
    public void DropNewest_should_reject_arrivals_to_dead_letters_when_full()
    {
        var actor = Spawn(OverflowPolicy.DropNewest);

        TellOneToFive(actor);

        AssertHandled(1, 2, 3);
        AssertDeadLetters(4, 5);
    }

    [Fact]
    public void DropOldest_should_evict_the_oldest_queued_messages_to_dead_letters_when_full()
    {
        var actor = Spawn(OverflowPolicy.DropOldest);

        TellOneToFive(actor);

        AssertDeadLetters(1, 2);
        AssertHandled(3, 4, 5);
    }

    [Fact]
    public void Fail_should_throw_MailboxFullException_from_Tell_when_full()
    {
        var actor = Spawn(OverflowPolicy.Fail);
        actor.Tell(1);
        actor.Tell(2);
        actor.Tell(3);

        Assert.Throws<MailboxFullException>(() => actor.Tell(4));

        AssertHandled(1, 2, 3);
        _deadLetters.ExpectNoMsg();
    }

    [Fact]
    public void Wait_should_behave_as_unbounded_on_the_deterministic_dispatcher()
    {
        var actor = Spawn(OverflowPolicy.Wait);

        TellOneToFive(actor);

        AssertHandled(1, 2, 3, 4, 5);
        _deadLetters.ExpectNoMsg();
    }

    [Fact]
    public void Bounded_mailbox_should_accept_again_once_messages_are_handled()
    {
        var actor = Spawn(OverflowPolicy.Fail);
        actor.Tell(1);
        actor.Tell(2);
        actor.Tell(3);
        _sys.Deterministic!.RunUntilIdle();

        actor.Tell(4);

        AssertHandled(1, 2, 3, 4);
    }

    private static void TellOneToFive(IActorRef actor)
    {
        for (var i = 1; i <= 5; i++)
        {
            actor.Tell(i);
        }
    }

    private IActorRef Spawn(OverflowPolicy policy)
    {
        var actor = _sys.ActorOf(Props.Create(() => new GatedActor(new Gate(), _probe)).WithMailbox(new MailboxOptions(3, policy)), "bounded");
        _sys.Deterministic!.RunUntilIdle();
        return actor;
    }

    private void AssertHandled(params int[] expected)
    {
        foreach (var n in expected)
        {
            Assert.Equal(n, _probe.ExpectMsg<int>());
        }

        _probe.ExpectNoMsg();
    }

    private void AssertDeadLetters(params int[] expected)
    {
        foreach (var n in expected)
        {
            Assert.Equal(n, _deadLetters.ExpectMsg<DeadLetter>().Message);
        }

        _deadLetters.ExpectNoMsg();
    }
}
