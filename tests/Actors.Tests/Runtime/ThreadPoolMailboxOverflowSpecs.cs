using ActorArb.Actors.Runtime;
using ActorArb.Actors.Runtime.Testing;

namespace ActorArb.Actors.Tests.Runtime;

/// <summary>Bounded mailboxes (capacity 3) and each overflow policy, on the thread-pool dispatcher.</summary>
public sealed class ThreadPoolMailboxOverflowSpecs : IAsyncLifetime, IDisposable
{
    private readonly ActorSystem _sys = ActorSystem.Create("overflow");
    private readonly Gate _gate = new();
    private readonly TestProbe _probe;
    private readonly TestProbe _deadLetters;

    public ThreadPoolMailboxOverflowSpecs()
    {
        _probe = new TestProbe(_sys);
        _deadLetters = new TestProbe(_sys, "dead");
        _sys.EventStream.Subscribe(_deadLetters, typeof(DeadLetter));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _gate.Open();
        await _sys.TerminateAsync();
    }

    public void Dispose() => _gate.Dispose();

    [Fact]
    public void DropNewest_should_reject_arrivals_to_dead_letters_when_full()
    {
        var actor = SpawnFull(OverflowPolicy.DropNewest);

        actor.Tell(4);
        actor.Tell(5);
        _gate.Open();

        AssertHandled(1, 2, 3);
        AssertDeadLetters(4, 5);
    }

    [Fact]
    public void DropOldest_should_evict_the_oldest_queued_messages_to_dead_letters_when_full()
    {
        var actor = SpawnFull(OverflowPolicy.DropOldest);

        actor.Tell(4);
        actor.Tell(5);
        _gate.Open();

        AssertDeadLetters(1, 2);
        AssertHandled(3, 4, 5);
    }

    [Fact]
    public void Fail_should_throw_MailboxFullException_from_Tell_when_full()
    {
        var actor = SpawnFull(OverflowPolicy.Fail);

        Assert.Throws<MailboxFullException>(() => actor.Tell(4));
        _gate.Open();

        AssertHandled(1, 2, 3);
        _deadLetters.ExpectNoMsg();
    }

    [Fact]
    public async Task Wait_should_block_the_producer_until_there_is_room()
    {
        var actor = SpawnFull(OverflowPolicy.Wait);

        var producer = Task.Run(() => actor.Tell(4));
        var first = await Task.WhenAny(producer, Task.Delay(TimeSpan.FromMilliseconds(150)));
        Assert.NotSame(producer, first);
        _gate.Open();
        await producer.WaitAsync(TimeSpan.FromSeconds(3));

        AssertHandled(1, 2, 3, 4);
        _deadLetters.ExpectNoMsg();
    }

    private IActorRef SpawnFull(OverflowPolicy policy)
    {
        var actor = _sys.ActorOf(GatedActor.Props(_gate, _probe).WithMailbox(new MailboxOptions(3, policy)), "bounded");
        actor.Tell("block");
        Assert.True(_gate.WaitUntilParked(), "the actor never started handling the blocking message");
        actor.Tell(1);
        actor.Tell(2);
        actor.Tell(3);
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
