using ActorArb.Actors.Persistence;
using ActorArb.Actors.Runtime;
using ActorArb.Actors.Runtime.Testing;

namespace ActorArb.Actors.Tests.Runtime.Persistence;

/// <summary>Recovery: order, snapshots, restarts, crashes and failures.</summary>
public abstract partial class PersistentActorSpecs
{
    [Fact]
    public async Task Recovery_should_replay_the_stored_events_in_order_before_the_first_command_when_the_actor_starts()
    {
        Ledger.Deposited[] history = [new(0, 10), new(1, 20), new(2, 30)];
        await Journal.Inner.AppendAsync("ledger-history", ExpectedVersion.NoStream, [.. history.Select((e, i) => Stored("ledger-history", i + 1, e))]);
        var system = NewSystem();
        var client = new TestProbe(system);

        var (ledger, monitor) = StartLedger(system, "ledger-history");
        client.Send(ledger, new Ledger.GetState());
        client.Send(ledger, new Ledger.Deposit(3, 40));

        var expected = Ledger.State.Empty.ApplyAll(0, [10, 20, 30]);
        Assert.Equal(new Ledger.Recovered(3, expected, 3, null), monitor.ExpectMsg<Ledger.Recovered>());
        Assert.Equal(expected, client.ExpectMsg<Ledger.State>());
        Assert.Equal(new Ledger.Ack(3, 4, 100), client.ExpectMsg<Ledger.Ack>());
    }

    [Fact]
    public async Task Snapshots_should_be_saved_every_n_events_and_recovery_should_replay_only_later_events_when_the_actor_restarts()
    {
        var system = NewSystem();
        var (ledger, monitor) = StartLedger(system, "ledger-snap", snapshotEvery: 4);
        var client = new TestProbe(system);
        monitor.ExpectMsg<Ledger.Recovered>();
        var amounts = Amounts(10);

        client.Send(ledger, new Ledger.DepositAll(0, amounts[..6]));
        client.Send(ledger, new Ledger.DepositAll(6, amounts[6..]));
        ExpectAcks(client, 0, 10);
        client.Send(ledger, new Ledger.GetState());
        var state = client.ExpectMsg<Ledger.State>();

        var latest = await Snapshots.LoadLatestAsync("ledger-snap");
        Assert.Equal(8, latest!.Version);
        Assert.Equal(Ledger.State.Empty.ApplyAll(0, amounts[..8]), latest.State);

        client.Send(ledger, new Ledger.Crash("boom"));
        Assert.Equal(new Ledger.Recovered(10, state, 2, 8), monitor.ExpectMsg<Ledger.Recovered>());

        // A fresh system recovers the same way: the snapshot at 8, then events 9 and 10.
        var (_, freshMonitor) = StartLedger(NewSystem(), "ledger-snap", snapshotEvery: 4);
        Assert.Equal(new Ledger.Recovered(10, state, 2, 8), freshMonitor.ExpectMsg<Ledger.Recovered>());
    }

    [Fact]
    public void Snapshots_should_be_reported_as_a_kernel_error_and_leave_the_actor_running_when_saving_fails()
    {
        var system = NewSystem();
        var errors = new TestProbe(system, "errors");
        system.EventStream.Subscribe(errors, typeof(KernelError));
        var monitor = new TestProbe(system, "monitor");
        var ledger = system.ActorOf(LedgerActor.Props("ledger-unsaved", Journal, monitor, new ReadOnlySnapshotStore(), 2), "ledger");
        var client = new TestProbe(system);
        monitor.ExpectMsg<Ledger.Recovered>();

        client.Send(ledger, new Ledger.DepositAll(0, [1, 2, 3]));

        ExpectAcks(client, 0, 3);
        var error = errors.ExpectMsg<KernelError>();
        Assert.Contains("snapshot of 'ledger-unsaved' at version 2", error.Source, StringComparison.Ordinal);
        Assert.IsType<IOException>(error.Cause);
        client.Send(ledger, new Ledger.Deposit(3, 4));
        Assert.Equal(new Ledger.Ack(3, 4, 10), client.ExpectMsg<Ledger.Ack>());
    }

    [Fact]
    public void Restart_should_recover_the_same_state_from_the_store_when_a_command_crashes_the_actor()
    {
        var system = NewSystem();
        var (ledger, monitor) = StartLedger(system, "ledger-restart");
        var client = new TestProbe(system);
        monitor.ExpectMsg<Ledger.Recovered>();
        var amounts = Amounts(5);
        SendDeposits(client, ledger, amounts, 0, 5);
        ExpectAcks(client, 0, 5);

        client.Send(ledger, new Ledger.Crash("boom"));
        client.Send(ledger, new Ledger.GetState());

        var expected = Ledger.State.Empty.ApplyAll(0, amounts);
        Assert.Equal(new Ledger.Recovered(5, expected, 5, null), monitor.ExpectMsg<Ledger.Recovered>());
        Assert.Equal(expected, client.ExpectMsg<Ledger.State>());
    }

    [Fact]
    public async Task Recovery_should_resume_with_identical_state_when_the_actor_system_is_killed_mid_way_and_restarted_on_the_same_store()
    {
        var amounts = Amounts(40);
        var reference = NewSystem();
        var (referenceLedger, referenceMonitor) = StartLedger(reference, "ledger-uninterrupted");
        var referenceClient = new TestProbe(reference);
        SendDeposits(referenceClient, referenceLedger, amounts, 0, 40);
        ExpectAcks(referenceClient, 0, 40);
        referenceClient.Send(referenceLedger, new Ledger.GetState());
        var uninterrupted = referenceClient.ExpectMsg<Ledger.State>();

        var crashed = NewSystem();
        var (ledger, _) = StartLedger(crashed, "ledger-killed");
        var client = new TestProbe(crashed);
        SendDeposits(client, ledger, amounts, 0, 20);
        ExpectAcks(client, 0, 20);
        SendDeposits(client, ledger, amounts, 20, 40);
        await KillAsync(crashed);

        var restarted = NewSystem();
        var (resumed, monitor) = StartLedger(restarted, "ledger-killed");
        var resumedClient = new TestProbe(restarted);
        var recovered = monitor.ExpectMsg<Ledger.Recovered>().State;
        Assert.InRange(recovered.NextIndex, 20, 40);
        Assert.Equal(Ledger.State.Empty.ApplyAll(0, amounts[..recovered.NextIndex]), recovered);

        // The client sends again what was not acknowledged; the ledger acknowledges known indexes without re-applying.
        SendDeposits(resumedClient, resumed, amounts, 20, 40);
        ExpectAcks(resumedClient, 20, 40);
        resumedClient.Send(resumed, new Ledger.GetState());
        Assert.Equal(uninterrupted, resumedClient.ExpectMsg<Ledger.State>());
        var stream = await ReadStreamAsync("ledger-killed");
        Assert.Equal(Enumerable.Range(1, 40).Select(v => (long)v), stream.Select(e => e.Version));
        Assert.Equal((await ReadStreamAsync("ledger-uninterrupted")).Select(e => e.Payload), stream.Select(e => e.Payload));
    }

    [Fact]
    public void Recovery_should_stop_the_actor_with_an_initialization_failure_when_the_store_cannot_be_read()
    {
        Journal.FailReadsWith(new IOException("the disk is gone"));
        var system = NewSystem();
        var failures = new TestProbe(system, "failures");
        system.EventStream.Subscribe(failures, typeof(ActorFailed));

        var (ledger, monitor) = StartLedger(system, "ledger-unreadable");
        var watcher = new TestProbe(system, "watcher");
        watcher.Watch(ledger);

        var failed = failures.ExpectMsg<ActorFailed>();
        Assert.Equal(Directive.Stop, failed.Directive);
        Assert.IsType<ActorInitializationException>(failed.Cause);
        Assert.Contains("recovery of 'ledger-unreadable' failed at version 0: the disk is gone", failed.Cause.Message, StringComparison.Ordinal);
        watcher.ExpectMsg<Terminated>();
        monitor.ExpectNoMsg();
    }

    [Fact]
    public async Task Recovery_should_stop_the_actor_when_a_stored_event_cannot_be_applied()
    {
        await Journal.Inner.AppendAsync("ledger-corrupt", ExpectedVersion.NoStream, [Stored("ledger-corrupt", 1, new Ledger.Deposited(0, 1)), Stored("ledger-corrupt", 2, "garbage")]);
        var system = NewSystem();
        var failures = new TestProbe(system, "failures");
        system.EventStream.Subscribe(failures, typeof(ActorFailed));

        var (ledger, monitor) = StartLedger(system, "ledger-corrupt");
        var watcher = new TestProbe(system, "watcher");
        watcher.Watch(ledger);

        var failed = failures.ExpectMsg<ActorFailed>();
        Assert.Equal(Directive.Stop, failed.Directive);
        Assert.Contains("recovery of 'ledger-corrupt' failed at version 2: the ledger cannot apply garbage", failed.Cause.Message, StringComparison.Ordinal);
        watcher.ExpectMsg<Terminated>();
        monitor.ExpectNoMsg();
    }

    /// <summary>A snapshot store that has none and cannot save any.</summary>
    private sealed class ReadOnlySnapshotStore : ISnapshotStore
    {
        public ValueTask SaveAsync(string streamId, long version, object state, CancellationToken cancellationToken = default) =>
            ValueTask.FromException(new IOException("the snapshot store is read-only"));

        public ValueTask<StoredSnapshot?> LoadLatestAsync(string streamId, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult<StoredSnapshot?>(null);
    }
}
