using ActorArb.Actors.Runtime;
using ActorArb.Actors.Runtime.Testing;

namespace ActorArb.Actors.Tests.Runtime;

/// <summary>Routers, the event stream and death watch, shared by both dispatchers.</summary>
public abstract partial class ActorSystemSpecs
{
    private interface IMarketEvent;

    private sealed record PriceMoved(int Price) : IMarketEvent;

    private sealed record Unrelated(int Value);

    [Fact]
    public void RoundRobinPool_should_send_message_i_to_routee_i_modulo_n()
    {
        var probe = new TestProbe(Sys);
        var router = Sys.ActorOf(Props.Create(() => new RouteeActor()).WithRouter(new RoundRobinPool(3)), "rr");

        for (var i = 0; i < 9; i++)
        {
            probe.Send(router, i);
        }

        var routes = new Dictionary<int, string>();
        for (var i = 0; i < 9; i++)
        {
            var routed = probe.ExpectMsg<TestMessages.Routed>();
            routes[(int)routed.Message] = routed.RouteePath;
        }

        for (var i = 0; i < 9; i++)
        {
            Assert.Equal($"/user/rr/${i % 3}", routes[i]);
        }
    }

    [Fact]
    public void BroadcastPool_should_deliver_every_message_to_every_routee()
    {
        var probe = new TestProbe(Sys);
        var router = Sys.ActorOf(Props.Create(() => new RouteeActor()).WithRouter(new BroadcastPool(4)), "all");

        probe.Send(router, "news");

        var paths = Enumerable.Range(0, 4).Select(_ => probe.ExpectMsg<TestMessages.Routed>(r => (string)r.Message == "news").RouteePath).ToHashSet();
        Assert.Equal(4, paths.Count);
        probe.ExpectNoMsg();
    }

    [Fact]
    public void Router_should_stop_its_routees_when_it_stops()
    {
        var probe = new TestProbe(Sys);
        var router = Sys.ActorOf(Props.Create(() => new RouteeActor()).WithRouter(new RoundRobinPool(2)), "pool");
        probe.Send(router, GetRoutees.Instance);
        var routees = probe.ExpectMsg<Routees>().Members;
        Assert.Equal(2, routees.Count);
        foreach (var routee in routees)
        {
            probe.Watch(routee);
        }

        router.Tell(PoisonPill.Instance);

        var stopped = new[] { probe.ExpectMsg<Terminated>().ActorRef, probe.ExpectMsg<Terminated>().ActorRef };
        Assert.Equal(routees.Select(r => r.Path).Order(), stopped.Select(r => r.Path).Order());
    }

    [Fact]
    public void EventStream_should_deliver_events_to_subscribers_of_their_type_or_a_base_type_once_each()
    {
        var byInterface = new TestProbe(Sys, "interface");
        var byBoth = new TestProbe(Sys, "both");
        var byOther = new TestProbe(Sys, "other");
        Sys.EventStream.Subscribe(byInterface, typeof(IMarketEvent));
        Sys.EventStream.Subscribe(byBoth, typeof(object));
        Sys.EventStream.Subscribe(byBoth, typeof(PriceMoved));
        Sys.EventStream.Subscribe(byOther, typeof(Unrelated));

        Sys.EventStream.Publish(new PriceMoved(101));

        Assert.Equal(101, byInterface.ExpectMsg<PriceMoved>().Price);
        Assert.Equal(101, byBoth.ExpectMsg<PriceMoved>().Price);
        byBoth.ExpectNoMsg();
        byOther.ExpectNoMsg();
    }

    [Fact]
    public void EventStream_should_stop_delivering_after_unsubscribe()
    {
        var probe = new TestProbe(Sys);
        Sys.EventStream.Subscribe(probe, typeof(PriceMoved));
        Sys.EventStream.Subscribe(probe, typeof(Unrelated));

        Sys.EventStream.Unsubscribe(probe, typeof(PriceMoved));
        Sys.EventStream.Publish(new PriceMoved(1));
        Sys.EventStream.Publish(new Unrelated(2));
        Assert.Equal(2, probe.ExpectMsg<Unrelated>().Value);

        Sys.EventStream.Unsubscribe(probe);
        Sys.EventStream.Publish(new Unrelated(3));
        probe.ExpectNoMsg();
    }

    [Fact]
    public void EventStream_should_drop_an_actors_subscriptions_when_it_stops()
    {
        var probe = new TestProbe(Sys);
        var deadLetters = new TestProbe(Sys, "dead");
        Sys.EventStream.Subscribe(deadLetters, typeof(DeadLetter));
        var subscriber = Sys.ActorOf(Props.Create(() => new WatcherActor(probe)), "subscriber");
        Sys.EventStream.Subscribe(subscriber, typeof(PriceMoved));
        probe.Watch(subscriber);

        Sys.Stop(subscriber);
        probe.ExpectMsg<Terminated>();
        Sys.EventStream.Publish(new PriceMoved(5));

        deadLetters.ExpectNoMsg();
    }

    [Fact]
    public void Watcher_should_receive_Terminated_when_the_watched_actor_stops()
    {
        var probe = new TestProbe(Sys);
        var watcher = Sys.ActorOf(Props.Create(() => new WatcherActor(probe)), "watcher");
        var target = Sys.ActorOf(EchoActor.Props(), "target");

        watcher.Tell(new WatcherActor.WatchIt(target));
        watcher.Tell("watching");
        Assert.Equal("watching", probe.ExpectMsg<string>());
        Sys.Stop(target);

        Assert.Same(target, probe.ExpectMsg<Terminated>().ActorRef);
    }

    [Fact]
    public void Watcher_should_receive_Terminated_at_once_when_watching_an_actor_that_already_stopped()
    {
        var probe = new TestProbe(Sys);
        var target = Sys.ActorOf(EchoActor.Props(), "target");
        probe.Watch(target);
        Sys.Stop(target);
        probe.ExpectMsg<Terminated>();
        var watcher = Sys.ActorOf(Props.Create(() => new WatcherActor(probe)), "watcher");

        watcher.Tell(new WatcherActor.WatchIt(target));

        Assert.Same(target, probe.ExpectMsg<Terminated>().ActorRef);
    }

    [Fact]
    public void Watcher_should_not_receive_Terminated_after_unwatching()
    {
        var probe = new TestProbe(Sys);
        var watcher = Sys.ActorOf(Props.Create(() => new WatcherActor(probe)), "watcher");
        var target = Sys.ActorOf(EchoActor.Props(), "target");
        var witness = new TestProbe(Sys, "witness");
        witness.Watch(target);

        watcher.Tell(new WatcherActor.WatchIt(target));
        watcher.Tell(new WatcherActor.UnwatchIt(target));
        watcher.Tell("unwatched");
        Assert.Equal("unwatched", probe.ExpectMsg<string>());
        Sys.Stop(target);
        witness.ExpectMsg<Terminated>();

        probe.ExpectNoMsg();
    }
}
