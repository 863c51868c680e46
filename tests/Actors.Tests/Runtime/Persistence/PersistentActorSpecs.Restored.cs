using ActorArb.Actors.Persistence;
using ActorArb.Actors.Runtime.Persistence;
using ActorArb.Actors.Runtime.Testing;

namespace ActorArb.Actors.Tests.Runtime.Persistence;

/// <summary>
/// A replay that resumes restores its actors' states itself and re-produces what a crashed run may have written already:
/// such an actor reads nothing, and re-persisting the events the store holds is accepted only when they are the same.
/// </summary>
public abstract partial class PersistentActorSpecs
{
    [Fact]
    public async Task Restored_recovery_should_read_nothing_and_accept_the_same_events_again_when_a_replay_reproduces_what_the_store_holds()
    {
        var amounts = Amounts(6);
        var stream = await WriteLedgerAsync("ledger-reproduced", amounts[..5]);
        Journal.ClearBatches();
        var (ledger, _, client, recovered) = StartRestored("ledger-reproduced", amounts, 3);

        Assert.Equal((3L, 0, Ledger.State.Empty.ApplyAll(0, amounts[..3])), (recovered.LastSequenceNr, recovered.Replayed, recovered.State));

        // Versions 4 and 5 are stored with these very deposits: acknowledged, written once; version 6 is new.
        SendDeposits(client, ledger, amounts, 3, 6);
        Assert.Equal([4L, 5L, 6L], Enumerable.Range(0, 3).Select(_ => client.ExpectMsg<Ledger.Ack>().SequenceNr));
        client.Send(ledger, new PersistenceProtocol.GetStatus());
        Assert.Equal(new PersistenceProtocol.Status("ledger-reproduced", 6, 1), client.ExpectMsg<PersistenceProtocol.Status>());
        var after = await ReadStreamAsync("ledger-reproduced");
        Assert.Equal(stream.Select(e => (e.Version, e.EventId, e.Position)), after.Take(5).Select(e => (e.Version, e.EventId, e.Position)));
        Assert.Equal(new Ledger.Deposited(5, amounts[5]), Assert.Single(after.Skip(5)).Payload);
    }

    [Fact]
    public async Task PersistAll_should_keep_the_stored_prefix_and_append_only_the_rest_when_a_reproduced_batch_runs_past_the_end_of_the_stream()
    {
        var amounts = Amounts(7);
        await WriteLedgerAsync("ledger-overlap", amounts[..5]);
        var (ledger, _, client, _) = StartRestored("ledger-overlap", amounts, 3);

        client.Send(ledger, new Ledger.DepositAllThenReport(3, amounts[3..7]));

        Assert.Equal([3, 4, 5, 6], Enumerable.Range(0, 4).Select(_ => client.ExpectMsg<Ledger.Ack>().Index));
        Assert.Equal(new Ledger.Reported(7, Ledger.State.Empty.ApplyAll(0, amounts).Balance), client.ExpectMsg<Ledger.Reported>());
        var stream = await ReadStreamAsync("ledger-overlap");
        Assert.Equal(Enumerable.Range(1, 7).Select(v => (long)v), stream.Select(e => e.Version));
        Assert.Equal(amounts.Select((a, i) => (object)new Ledger.Deposited(i, a)), stream.Select(e => e.Payload));
    }

    [Fact]
    public async Task Persist_should_fail_with_a_concurrency_exception_when_a_restored_actor_persists_another_event_than_the_one_stored_at_that_version()
    {
        var amounts = Amounts(5);
        await WriteLedgerAsync("ledger-diverged", amounts);
        var (ledger, monitor, client, _) = StartRestored("ledger-diverged", amounts, 3);

        client.Send(ledger, new Ledger.Deposit(3, amounts[3] + 1000));

        var failed = monitor.ExpectMsg<Ledger.PersistFailed>();
        var conflict = Assert.IsType<ConcurrencyException>(failed.Cause);
        Assert.Equal(("ledger-diverged", 3L, 5L), (conflict.StreamId, conflict.ExpectedVersion, conflict.ActualVersion));
        client.ExpectNoMsg();
        Assert.Equal(amounts.Select((a, i) => (object)new Ledger.Deposited(i, a)), (await ReadStreamAsync("ledger-diverged")).Select(e => e.Payload));
    }

    [Fact]
    public void Defer_should_run_after_the_handlers_of_the_events_persisted_before_it_and_at_once_when_none_is_pending()
    {
        var system = NewSystem();
        var (ledger, monitor) = StartLedger(system, "ledger-deferred");
        var client = new TestProbe(system);
        monitor.ExpectMsg<Ledger.Recovered>();

        client.Send(ledger, new Ledger.DepositAllThenReport(0, [5, 6]));
        Assert.Equal([0, 1], Enumerable.Range(0, 2).Select(_ => client.ExpectMsg<Ledger.Ack>().Index));
        Assert.Equal(new Ledger.Reported(2, 11), client.ExpectMsg<Ledger.Reported>());

        client.Send(ledger, new Ledger.DepositAllThenReport(2, []));
        Assert.Equal(new Ledger.Reported(2, 11), client.ExpectMsg<Ledger.Reported>());
        client.Send(ledger, new PersistenceProtocol.GetStatus());
        Assert.Equal(new PersistenceProtocol.Status("ledger-deferred", 2, 2), client.ExpectMsg<PersistenceProtocol.Status>());
    }

    /// <summary>Writes deposits of <paramref name="amounts"/> through a ledger that then stops, and returns its stream.</summary>
    private async Task<List<RecordedEvent>> WriteLedgerAsync(string id, long[] amounts)
    {
        var system = NewSystem();
        var (ledger, monitor) = StartLedger(system, id, "writer");
        var client = new TestProbe(system);
        monitor.ExpectMsg<Ledger.Recovered>();
        SendDeposits(client, ledger, amounts, 0, amounts.Length);
        ExpectAcks(client, 0, amounts.Length);
        return await ReadStreamAsync(id);
    }
}
