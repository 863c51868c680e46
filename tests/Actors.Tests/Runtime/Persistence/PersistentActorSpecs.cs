using ActorArb.Actors.Persistence;
using ActorArb.Actors.Runtime;
using ActorArb.Actors.Runtime.Testing;

namespace ActorArb.Actors.Tests.Runtime.Persistence;

/// <summary>
/// What every <c>PersistentActor</c> guarantees, whatever the store and the dispatcher: each fact runs on the
/// in-memory store (deterministic dispatcher, store calls completing inline), on PostgreSQL with the thread-pool
/// dispatcher (outcomes coming back as messages) and on PostgreSQL with the deterministic dispatcher (the driving
/// thread waiting for the store).
/// </summary>
public abstract partial class PersistentActorSpecs : IAsyncLifetime
{
    private readonly List<ActorSystem> _systems = [];

    private protected PersistentActorSpecs(IEventStore journal, ISnapshotStore snapshots)
    {
        Journal = new InstrumentedEventStore(journal);
        Snapshots = snapshots;
    }

    private protected InstrumentedEventStore Journal { get; }

    private protected ISnapshotStore Snapshots { get; }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var system in _systems)
        {
            await system.TerminateAsync();
        }
    }

    /// <summary>Returns a new actor system of the dispatcher under test.</summary>
    protected abstract ActorSystem CreateSystem(string name);

    /// <summary>
    /// Kills <paramref name="system"/> as a crash would: whatever it has not handled yet is lost, and an append already
    /// sent lands or not before this returns (a crashed process's transaction commits or rolls back, never later).
    /// </summary>
    protected abstract Task KillAsync(ActorSystem system);

    private protected ActorSystem NewSystem()
    {
        var system = CreateSystem($"persistence-{_systems.Count}");
        _systems.Add(system);
        return system;
    }

    /// <summary>Stops tracking <paramref name="system"/>, so that disposing the specs does not run what it left queued.</summary>
    private protected void Abandon(ActorSystem system) => _systems.Remove(system);

    private protected (IActorRef Ledger, TestProbe Monitor) StartLedger(ActorSystem system, string id, string name = "ledger", int snapshotEvery = 0)
    {
        var monitor = new TestProbe(system, name + "-monitor");
        var ledger = system.ActorOf(LedgerActor.Props(id, Journal, monitor, snapshotEvery > 0 ? Snapshots : null, snapshotEvery), name);
        return (ledger, monitor);
    }

    /// <summary>
    /// Starts, on a new system, a ledger restored at <paramref name="version"/> with the state of the deposits of
    /// <paramref name="amounts"/> up to it, as a resuming replay starts it; returns it once it reported its recovery.
    /// </summary>
    private protected (IActorRef Ledger, TestProbe Monitor, TestProbe Client, Ledger.Recovered Recovered) StartRestored(string id, long[] amounts, int version)
    {
        var system = NewSystem();
        var monitor = new TestProbe(system);
        var client = new TestProbe(system);
        var ledger = system.ActorOf(LedgerActor.Restored(id, Journal, monitor, version, Ledger.State.Empty.ApplyAll(0, amounts[..version])), "restored");
        return (ledger, monitor, client, monitor.ExpectMsg<Ledger.Recovered>());
    }

    private protected static EventData Stored(string streamId, long version, object payload) =>
        new(EventIds.For(streamId, version), EventTypeNames.Of(payload), payload, EventMetadata.Empty);

    private protected async Task<List<RecordedEvent>> ReadStreamAsync(string streamId)
    {
        var events = new List<RecordedEvent>();
        await foreach (var e in Journal.Inner.ReadStreamAsync(streamId))
        {
            events.Add(e);
        }

        return events;
    }

    private protected static long[] Amounts(int count) => [.. Enumerable.Range(0, count).Select(i => (long)((i * 37 % 11) + 1))];

    private protected static void SendDeposits(TestProbe client, IActorRef ledger, long[] amounts, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            client.Send(ledger, new Ledger.Deposit(i, amounts[i]));
        }
    }

    private protected static void ExpectAcks(TestProbe client, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            Assert.Equal(i, client.ExpectMsg<Ledger.Ack>().Index);
        }
    }
}
