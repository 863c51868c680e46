using ActorArb.Actors.Runtime;
using ActorArb.Actors.Runtime.Testing;
using ActorArb.Domain.Time;

namespace ActorArb.Actors.Tests.Runtime;

/// <summary>Handler matching and behaviour switching of <see cref="ReceiveActor"/>.</summary>
public sealed class ReceiveActorSpecs : IAsyncLifetime
{
    private readonly ActorSystem _sys = ActorSystem.CreateDeterministic("receive", new ManualClock(0));
    private readonly TestProbe _probe;

    public ReceiveActorSpecs() => _probe = new TestProbe(_sys);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _sys.TerminateAsync();

    [Fact]
    public void Receive_should_use_the_first_handler_whose_type_and_predicate_match()
    {
        var actor = _sys.ActorOf(Props.Create(() => new MoodActor()), "mood");

        _probe.Send(actor, 5);
        _probe.Send(actor, -5);
        _probe.Send(actor, "text");

        Assert.Equal("positive 5", _probe.ExpectMsg<string>());
        Assert.Equal("int -5", _probe.ExpectMsg<string>());
        Assert.Equal("any text", _probe.ExpectMsg<string>());
    }

    [Fact]
    public void Become_should_replace_the_whole_handler_set()
    {
        var actor = _sys.ActorOf(Props.Create(() => new MoodActor()), "mood");

        _probe.Send(actor, new MoodActor.Sleep());
        _probe.Send(actor, 5);
        _probe.Send(actor, "text");

        Assert.Equal("zzz 5", _probe.ExpectMsg<string>());
        _probe.ExpectNoMsg();
    }

    [Fact]
    public void UnbecomeStacked_should_return_to_the_previous_handler_set()
    {
        var actor = _sys.ActorOf(Props.Create(() => new MoodActor()), "mood");

        _probe.Send(actor, new MoodActor.Whisper());
        _probe.Send(actor, "a");
        _probe.Send(actor, new MoodActor.Wake());
        _probe.Send(actor, "b");

        Assert.Equal("psst a", _probe.ExpectMsg<string>());
        Assert.Equal("any b", _probe.ExpectMsg<string>());
    }

    [Fact]
    public void Unmatched_message_should_be_published_as_UnhandledMessage()
    {
        var unhandled = new TestProbe(_sys, "unhandled");
        _sys.EventStream.Subscribe(unhandled, typeof(UnhandledMessage));
        var actor = _sys.ActorOf(Props.Create(() => new MoodActor()), "mood");
        actor.Tell(new MoodActor.Sleep());

        _probe.Send(actor, "ignored while asleep");

        var message = unhandled.ExpectMsg<UnhandledMessage>();
        Assert.Equal("ignored while asleep", message.Message);
        Assert.Same(actor, message.Recipient);
        Assert.Same(_probe, message.Sender);
    }

    [Fact]
    public void Actor_should_refuse_to_be_constructed_outside_Props()
    {
        Assert.Throws<InvalidOperationException>(() => new MoodActor());
    }

    private sealed class MoodActor : ReceiveActor
    {
        public MoodActor()
        {
            Receive<int>(n => n > 0, n => Sender.Tell($"positive {n}"));
            Receive<int>(n => Sender.Tell($"int {n}"));
            Receive<Sleep>(_ => Become(() => Receive<int>(n => Sender.Tell($"zzz {n}"))));
            Receive<Whisper>(_ => BecomeStacked(() =>
            {
                Receive<string>(s => Sender.Tell($"psst {s}"));
                Receive<Wake>(_ => UnbecomeStacked());
            }));
            ReceiveAny(m => Sender.Tell($"any {m}"));
        }

        public sealed record Sleep;

        public sealed record Whisper;

        public sealed record Wake;
    }
}
