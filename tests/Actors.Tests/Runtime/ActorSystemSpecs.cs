using ActorArb.Actors.Runtime;
using ActorArb.Actors.Runtime.Testing;

namespace ActorArb.Actors.Tests.Runtime;

/// <summary>
/// The behaviour both dispatchers share. Each fact runs twice: once on the thread-pool system
/// (<see cref="ThreadPoolActorSystemSpecs"/>) and once on the deterministic one (<see cref="DeterministicActorSystemSpecs"/>).
/// </summary>
public abstract partial class ActorSystemSpecs : IAsyncLifetime
{
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(3);

    protected ActorSystemSpecs(ActorSystem system) => Sys = system;

    protected ActorSystem Sys { get; }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => Sys.TerminateAsync();

    [Fact]
    public async Task Actor_should_handle_one_message_at_a_time_when_several_senders_tell_it_at_once()
    {
        var stats = new ConcurrencyStats();
        var actor = Sys.ActorOf(Props.Create(() => new ConcurrencyCheckActor(stats)), "checked");

        await RunSenders(4, sender =>
        {
            for (var i = 0; i < 500; i++)
            {
                actor.Tell(new TestMessages.Sequenced(sender, i));
            }
        });
        var report = await Await(actor.Ask<TestMessages.Report>(new TestMessages.GetReport(), Patience));

        Assert.Equal(2000, report.Handled);
        Assert.Equal(1, report.MaxConcurrent);
    }

    [Fact]
    public async Task Actor_should_receive_each_senders_messages_in_the_order_sent()
    {
        var stats = new ConcurrencyStats();
        var actor = Sys.ActorOf(Props.Create(() => new ConcurrencyCheckActor(stats)), "ordered");

        await RunSenders(4, sender =>
        {
            for (var i = 0; i < 1000; i++)
            {
                actor.Tell(new TestMessages.Sequenced(sender, i));
            }
        });
        var report = await Await(actor.Ask<TestMessages.Report>(new TestMessages.GetReport(), Patience));

        Assert.Equal(4000, report.Handled);
        Assert.Equal(0, report.OrderViolations);
    }

    [Fact]
    public void Sender_should_be_the_telling_reference_while_the_message_is_handled()
    {
        var probe = new TestProbe(Sys);
        var echo = Sys.ActorOf(EchoActor.Props(), "echo");

        probe.Send(echo, "hello");

        Assert.Equal("hello", probe.ExpectMsg<string>());
        Assert.Same(echo, probe.LastSender);
    }

    [Fact]
    public void Reply_should_go_to_dead_letters_when_the_message_had_no_sender()
    {
        var deadLetters = new TestProbe(Sys, "dead");
        Sys.EventStream.Subscribe(deadLetters, typeof(DeadLetter));
        var echo = Sys.ActorOf(EchoActor.Props(), "echo");

        echo.Tell("anonymous");

        var letter = deadLetters.ExpectMsg<DeadLetter>();
        Assert.Equal("anonymous", letter.Message);
        Assert.Same(echo, letter.Sender);
    }

    [Fact]
    public void Messages_should_go_to_dead_letters_and_the_event_stream_when_the_recipient_has_stopped()
    {
        var probe = new TestProbe(Sys);
        var deadLetters = new TestProbe(Sys, "dead");
        Sys.EventStream.Subscribe(deadLetters, typeof(DeadLetter));
        var counter = Sys.ActorOf(CounterActor.Props(), "counter");
        probe.Watch(counter);

        Sys.Stop(counter);
        probe.ExpectMsg<Terminated>(t => ReferenceEquals(t.ActorRef, counter));
        probe.Send(counter, new TestMessages.Add(7));

        var letter = deadLetters.ExpectMsg<DeadLetter>();
        Assert.Equal(new TestMessages.Add(7), letter.Message);
        Assert.Same(counter, letter.Recipient);
        Assert.Same(probe, letter.Sender);
        Assert.True(Sys.DeadLetterCount >= 1);
    }

    [Fact]
    public void PoisonPill_should_stop_the_actor_after_the_messages_queued_before_it()
    {
        var probe = new TestProbe(Sys);
        var deadLetters = new TestProbe(Sys, "dead");
        Sys.EventStream.Subscribe(deadLetters, typeof(DeadLetter));
        var counter = Sys.ActorOf(CounterActor.Props(probe), "counter");

        counter.Tell(new TestMessages.Add(1));
        counter.Tell(PoisonPill.Instance);
        counter.Tell(new TestMessages.Add(2));

        Assert.Equal("added 1", probe.ExpectMsg<string>());
        Assert.Equal("post-stop /user/counter", probe.ExpectMsg<string>());
        Assert.Equal(new TestMessages.Add(2), deadLetters.ExpectMsg<DeadLetter>().Message);
        probe.ExpectNoMsg();
    }

    [Fact]
    public async Task Ask_should_complete_with_the_reply()
    {
        var echo = Sys.ActorOf(EchoActor.Props(), "echo");

        var reply = await Await(echo.Ask<string>("ping", Patience));

        Assert.Equal("ping", reply);
    }

    [Fact]
    public async Task Ask_should_throw_AskTimeoutException_when_no_reply_comes_within_the_timeout()
    {
        var counter = Sys.ActorOf(CounterActor.Props(), "silent");

        var pending = counter.Ask<int>(new TestMessages.Add(1), TimeSpan.FromMilliseconds(150));
        Sys.Deterministic?.RunUntilIdle();
        Assert.False(pending.IsCompleted);
        Sys.Deterministic?.Advance(TimeSpan.FromMilliseconds(150));

        await Assert.ThrowsAsync<AskTimeoutException>(() => pending.WaitAsync(Patience));
    }

    [Fact]
    public async Task Ask_should_fail_with_InvalidCastException_when_the_reply_has_another_type()
    {
        var echo = Sys.ActorOf(EchoActor.Props(), "echo");

        var pending = echo.Ask<int>("not a number", Patience);

        await Assert.ThrowsAsync<InvalidCastException>(() => Await(pending));
    }

    [Fact]
    public void ActorOf_should_reject_a_name_already_taken_by_a_live_sibling()
    {
        Sys.ActorOf(EchoActor.Props(), "taken");

        Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(EchoActor.Props(), "taken"));
        Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(EchoActor.Props(), "a/b"));
    }

    [Fact]
    public void Actor_should_have_its_path_under_user_and_its_children_under_it()
    {
        var probe = new TestProbe(Sys);
        var parent = Sys.ActorOf(ParentActor.Props(CounterActor.Props(), null, probe), "parent");

        probe.ExpectMsg<string>(s => s == "parent-started");

        Assert.Equal("/user/parent", parent.Path);
    }

    /// <summary>Runs <paramref name="senders"/> producers: concurrently on the thread pool, one after another when deterministic.</summary>
    protected abstract Task RunSenders(int senders, Action<int> send);

    /// <summary>Waits for <paramref name="task"/>: in deterministic mode after running the dispatcher until idle.</summary>
    protected async Task<T> Await<T>(Task<T> task)
    {
        Sys.Deterministic?.RunUntilIdle();
        return await task.WaitAsync(Patience);
    }
}
