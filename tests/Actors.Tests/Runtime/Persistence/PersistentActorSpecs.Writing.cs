using ActorArb.Actors.Persistence;
using ActorArb.Actors.Runtime.Testing;

namespace ActorArb.Actors.Tests.Runtime.Persistence;

/// <summary>Persisting: versions, ids, batches, conflicts.</summary>
public abstract partial class PersistentActorSpecs
{
    [Fact]
    public async Task Persist_should_append_at_the_next_version_with_deterministic_ids_when_commands_persist_events()
    {
        var system = NewSystem();
        var (ledger, monitor) = StartLedger(system, "ledger-ids");
        var client = new TestProbe(system);
        monitor.ExpectMsg<Ledger.Recovered>();

        SendDeposits(client, ledger, [10, 20, 30], 0, 3);

        Assert.Equal(new Ledger.Ack(0, 1, 10), client.ExpectMsg<Ledger.Ack>());
        Assert.Equal(new Ledger.Ack(1, 2, 30), client.ExpectMsg<Ledger.Ack>());
        Assert.Equal(new Ledger.Ack(2, 3, 60), client.ExpectMsg<Ledger.Ack>());
        var stream = await ReadStreamAsync("ledger-ids");
        Assert.Equal([1L, 2, 3], stream.Select(e => e.Version));
        Assert.Equal([EventIds.For("ledger-ids", 1), EventIds.For("ledger-ids", 2), EventIds.For("ledger-ids", 3)], stream.Select(e => e.EventId));
        Assert.Equal<object>([new Ledger.Deposited(0, 10), new Ledger.Deposited(1, 20), new Ledger.Deposited(2, 30)], stream.Select(e => e.Payload));
        Assert.Equal([1, 1, 1], Journal.Batches);

        // The same ids again, as a retry after a lost acknowledgement would send them: nothing is written twice.
        var retry = await Journal.Inner.AppendAsync("ledger-ids", 0, [.. stream.Select(e => Stored("ledger-ids", e.Version, e.Payload))]);
        Assert.Equal(0, retry.Written);
        Assert.Equal(3, (await ReadStreamAsync("ledger-ids")).Count);
    }

    [Fact]
    public async Task PersistAll_should_append_the_batch_in_one_call_and_run_the_handlers_in_order_when_a_command_persists_several_events()
    {
        var system = NewSystem();
        var (ledger, monitor) = StartLedger(system, "ledger-batch");
        var client = new TestProbe(system);
        monitor.ExpectMsg<Ledger.Recovered>();

        client.Send(ledger, new Ledger.DepositAll(0, [1, 2, 3, 4, 5]));

        Assert.Equal(
            [new Ledger.Ack(0, 1, 1), new Ledger.Ack(1, 2, 3), new Ledger.Ack(2, 3, 6), new Ledger.Ack(3, 4, 10), new Ledger.Ack(4, 5, 15)],
            Enumerable.Range(0, 5).Select(_ => client.ExpectMsg<Ledger.Ack>()));
        Assert.Equal([5], Journal.Batches);
        Assert.Equal([1L, 2, 3, 4, 5], (await ReadStreamAsync("ledger-batch")).Select(e => e.Version));
    }

    [Fact]
    public void Persist_should_append_every_event_of_one_command_in_one_call_when_the_command_persists_several_times()
    {
        var system = NewSystem();
        var (ledger, monitor) = StartLedger(system, "ledger-each");
        var client = new TestProbe(system);
        monitor.ExpectMsg<Ledger.Recovered>();

        client.Send(ledger, new Ledger.DepositEach(0, [4, 5, 6]));
        client.Send(ledger, new Ledger.GetState());

        Assert.Equal([0, 1, 2], Enumerable.Range(0, 3).Select(_ => client.ExpectMsg<Ledger.Ack>().Index));
        Assert.Equal(Ledger.State.Empty.ApplyAll(0, [4, 5, 6]), client.ExpectMsg<Ledger.State>());
        Assert.Equal([3], Journal.Batches);
    }

    [Fact]
    public async Task Persist_should_fail_with_a_concurrency_exception_and_skip_the_handler_when_another_writer_appended_first()
    {
        var system = NewSystem();
        var (ledger, monitor) = StartLedger(system, "ledger-raced");
        var client = new TestProbe(system);
        monitor.ExpectMsg<Ledger.Recovered>();
        var other = new EventData(Guid.NewGuid(), nameof(Ledger.Deposited), new Ledger.Deposited(0, 100), EventMetadata.Empty);
        await Journal.Inner.AppendAsync("ledger-raced", ExpectedVersion.NoStream, [other]);

        client.Send(ledger, new Ledger.Deposit(0, 5));

        var failed = monitor.ExpectMsg<Ledger.PersistFailed>();
        var conflict = Assert.IsType<ConcurrencyException>(failed.Cause);
        Assert.Equal(("ledger-raced", 0L, 1L), (conflict.StreamId, conflict.ExpectedVersion, conflict.ActualVersion));
        Assert.Equal(new Ledger.Deposited(0, 5), failed.Event);

        // The default OnPersistFailure rethrows: the supervisor restarts the actor, which recovers the other writer's event.
        var recovered = monitor.ExpectMsg<Ledger.Recovered>();
        Assert.Equal((1L, 100L), (recovered.LastSequenceNr, recovered.State.Balance));
        client.ExpectNoMsg();
        client.Send(ledger, new Ledger.Deposit(1, 7));
        Assert.Equal(new Ledger.Ack(1, 2, 107), client.ExpectMsg<Ledger.Ack>());
    }

    [Fact]
    public async Task Persist_should_fail_with_a_concurrency_exception_when_a_second_actor_persists_the_same_version_of_its_stream()
    {
        var system = NewSystem();
        var (first, firstMonitor) = StartLedger(system, "ledger-twice", "first");
        var (second, secondMonitor) = StartLedger(system, "ledger-twice", "second");
        var client = new TestProbe(system);
        firstMonitor.ExpectMsg<Ledger.Recovered>();
        secondMonitor.ExpectMsg<Ledger.Recovered>();

        client.Send(first, new Ledger.Deposit(0, 5));
        Assert.Equal(new Ledger.Ack(0, 1, 5), client.ExpectMsg<Ledger.Ack>());
        client.Send(second, new Ledger.Deposit(0, 9));

        // Both writers derive the id of version 1 from the stream, so the store alone would take the second append
        // for a retry of the first; the actor sees that nothing was written and reports the conflict.
        var conflict = Assert.IsType<ConcurrencyException>(secondMonitor.ExpectMsg<Ledger.PersistFailed>().Cause);
        Assert.Equal(("ledger-twice", 0L, 1L), (conflict.StreamId, conflict.ExpectedVersion, conflict.ActualVersion));
        Assert.Equal(new Ledger.State(1, 5, Ledger.State.Empty.ApplyAll(0, [5]).Checksum), secondMonitor.ExpectMsg<Ledger.Recovered>().State);
        client.ExpectNoMsg();
        Assert.Equal<object>([new Ledger.Deposited(0, 5)], (await ReadStreamAsync("ledger-twice")).Select(e => e.Payload));
    }
}
