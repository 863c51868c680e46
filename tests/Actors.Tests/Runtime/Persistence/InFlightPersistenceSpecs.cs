using ActorArb.Actors.Persistence;
using ActorArb.Actors.Runtime;
using ActorArb.Actors.Runtime.Testing;

namespace ActorArb.Actors.Tests.Runtime.Persistence;

/// <summary>
/// What a <c>PersistentActor</c> does while a store call is in flight, on the thread-pool dispatcher with the store's
/// calls held at a gate for as long as each fact needs: run on the in-memory store and on PostgreSQL.
/// </summary>
public abstract class InFlightPersistenceSpecs : IAsyncLifetime
{
    private readonly List<ActorSystem> _systems = [];

    private protected InFlightPersistenceSpecs(IEventStore journal) => Journal = new InstrumentedEventStore(journal);

    private protected InstrumentedEventStore Journal { get; }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        Journal.ReleaseAppends();
        Journal.ReleaseReads();
        foreach (var system in _systems)
        {
            await system.TerminateAsync();
        }
    }

    [Fact]
    public async Task Commands_should_be_set_aside_while_an_append_is_in_flight_and_handled_in_order_after_its_handler()
    {
        var (system, ledger, monitor) = Start("ledger-held");
        var client = new TestProbe(system);
        monitor.ExpectMsg<Ledger.Recovered>();
        Journal.HoldAppends();

        client.Send(ledger, new Ledger.Deposit(0, 5));
        client.Send(ledger, new Ledger.GetState());
        client.Send(ledger, new Ledger.Deposit(1, 7));
        client.Send(ledger, new Ledger.GetState());
        await Journal.AppendHeld;
        client.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        Assert.Empty(await ReadStreamAsync("ledger-held"));
        Journal.ReleaseAppends();

        Assert.Equal(new Ledger.Ack(0, 1, 5), client.ExpectMsg<Ledger.Ack>());
        Assert.Equal(Ledger.State.Empty.ApplyAll(0, [5]), client.ExpectMsg<Ledger.State>());
        Assert.Equal(new Ledger.Ack(1, 2, 12), client.ExpectMsg<Ledger.Ack>());
        Assert.Equal(Ledger.State.Empty.ApplyAll(0, [5, 7]), client.ExpectMsg<Ledger.State>());
    }

    [Fact]
    public async Task Commands_should_be_set_aside_while_recovery_reads_the_store_and_handled_in_order_after_it()
    {
        await Journal.Inner.AppendAsync("ledger-slow", ExpectedVersion.NoStream, [Stored("ledger-slow", 1, new Ledger.Deposited(0, 10)), Stored("ledger-slow", 2, new Ledger.Deposited(1, 20))]);
        Journal.HoldReads();

        var (system, ledger, monitor) = Start("ledger-slow");
        var client = new TestProbe(system);
        client.Send(ledger, new Ledger.GetState());
        client.Send(ledger, new Ledger.Deposit(2, 30));
        await Journal.ReadHeld;
        client.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        monitor.ExpectNoMsg();
        Journal.ReleaseReads();

        var recovered = Ledger.State.Empty.ApplyAll(0, [10, 20]);
        Assert.Equal(new Ledger.Recovered(2, recovered, 2, null), monitor.ExpectMsg<Ledger.Recovered>());
        Assert.Equal(recovered, client.ExpectMsg<Ledger.State>());
        Assert.Equal(new Ledger.Ack(2, 3, 60), client.ExpectMsg<Ledger.Ack>());
    }

    [Fact]
    public async Task Commands_set_aside_should_be_handled_by_the_restarted_actor_when_the_append_in_flight_fails()
    {
        var (system, ledger, monitor) = Start("ledger-conflict");
        var client = new TestProbe(system);
        monitor.ExpectMsg<Ledger.Recovered>();
        await Journal.Inner.AppendAsync("ledger-conflict", ExpectedVersion.NoStream, [new EventData(Guid.NewGuid(), nameof(Ledger.Deposited), new Ledger.Deposited(0, 100), EventMetadata.Empty)]);
        Journal.HoldAppends();

        client.Send(ledger, new Ledger.Deposit(0, 5));
        client.Send(ledger, new Ledger.GetState());
        await Journal.AppendHeld;
        Journal.ReleaseAppends();

        Assert.IsType<ConcurrencyException>(monitor.ExpectMsg<Ledger.PersistFailed>().Cause);
        Assert.Equal(1, monitor.ExpectMsg<Ledger.Recovered>().LastSequenceNr);
        Assert.Equal(Ledger.State.Empty.ApplyAll(0, [100]), client.ExpectMsg<Ledger.State>());
    }

    [Fact]
    public async Task Recovery_should_stop_the_actor_when_a_stream_read_in_flight_fails()
    {
        Journal.HoldReads();
        Journal.FailReadsWith(new IOException("connection reset"));
        var system = ActorSystem.Create("in-flight");
        _systems.Add(system);
        var failures = new TestProbe(system, "failures");
        system.EventStream.Subscribe(failures, typeof(ActorFailed));
        var ledger = system.ActorOf(LedgerActor.Props("ledger-reset", Journal, new TestProbe(system)), "ledger");
        var watcher = new TestProbe(system, "watcher");
        watcher.Watch(ledger);
        await Journal.ReadHeld;
        watcher.ExpectNoMsg();

        Journal.ReleaseReads();

        var failed = failures.ExpectMsg<ActorFailed>();
        Assert.Equal(Directive.Stop, failed.Directive);
        var cause = Assert.IsType<ActorInitializationException>(failed.Cause);
        Assert.Contains("recovery of 'ledger-reset' failed at version 0: connection reset", cause.Message, StringComparison.Ordinal);
        watcher.ExpectMsg<Terminated>();
    }

    [Fact]
    public async Task Recovery_should_include_an_append_that_landed_after_the_actor_system_was_killed()
    {
        var (crashed, ledger, monitor) = Start("ledger-landed");
        var client = new TestProbe(crashed);
        var deadLetters = new TestProbe(crashed, "dead");
        crashed.EventStream.Subscribe(deadLetters, typeof(DeadLetter));
        monitor.ExpectMsg<Ledger.Recovered>();
        client.Send(ledger, new Ledger.Deposit(0, 5));
        client.ExpectMsg<Ledger.Ack>();
        Journal.HoldAppends();
        client.Send(ledger, new Ledger.Deposit(1, 7));
        client.Send(ledger, new Ledger.GetState());
        await Journal.AppendHeld;
        client.ExpectNoMsg();

        await crashed.TerminateAsync();
        Journal.ReleaseAppends();
        await Journal.WhenAppendsDoneAsync();

        Assert.IsType<Ledger.GetState>(deadLetters.ExpectMsg<DeadLetter>().Message);
        client.ExpectNoMsg();
        var (restarted, resumed, resumedMonitor) = Start("ledger-landed");
        var expected = Ledger.State.Empty.ApplyAll(0, [5, 7]);
        Assert.Equal(new Ledger.Recovered(2, expected, 2, null), resumedMonitor.ExpectMsg<Ledger.Recovered>());
        var resumedClient = new TestProbe(restarted);
        resumedClient.Send(resumed, new Ledger.Deposit(1, 7));
        Assert.Equal(new Ledger.Ack(1, 2, 12), resumedClient.ExpectMsg<Ledger.Ack>());
    }

    private static EventData Stored(string streamId, long version, object payload) =>
        new(EventIds.For(streamId, version), EventTypeNames.Of(payload), payload, EventMetadata.Empty);

    private (ActorSystem System, IActorRef Ledger, TestProbe Monitor) Start(string id)
    {
        var system = ActorSystem.Create("in-flight");
        _systems.Add(system);
        var monitor = new TestProbe(system, "monitor");
        return (system, system.ActorOf(LedgerActor.Props(id, Journal, monitor), "ledger"), monitor);
    }

    private async Task<List<RecordedEvent>> ReadStreamAsync(string streamId)
    {
        var events = new List<RecordedEvent>();
        await foreach (var e in Journal.Inner.ReadStreamAsync(streamId))
        {
            events.Add(e);
        }

        return events;
    }
}
