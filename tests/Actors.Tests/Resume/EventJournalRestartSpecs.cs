using ActorArb.Actors.Persistence;
using ActorArb.Actors.Runtime;
using ActorArb.Actors.Tests.Persistence.Postgres;
using ActorArb.Actors.Tests.Persistence.Projections;
using ActorArb.Domain.Events;
using ActorArb.Domain.Time;

namespace ActorArb.Actors.Tests.Resume;

/// <summary>A journal started again on a store that holds its streams must continue them, not rewrite their ids.</summary>
public abstract class EventJournalRestartSpecs
{
    protected abstract Task<IEventStore> CreateStoreAsync();

    [Fact]
    public async Task Journal_should_continue_a_stream_after_its_stored_version_when_the_process_restarts()
    {
        var store = await CreateStoreAsync();
        await RunJournal(store, EventJournalActor.Props(store, "first"), 3);

        await RunJournal(store, EventJournalActor.Props(store, "second"), 2);

        var events = new List<RecordedEvent>();
        await foreach (var e in store.ReadStreamAsync("s"))
        {
            events.Add(e);
        }

        Assert.Equal([1L, 2, 3, 4, 5], events.Select(e => e.Version));
        Assert.Equal(5, events.Select(e => e.EventId).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 5).Select(i => EventIds.For("s", i)), events.Select(e => e.EventId));
        Assert.Equal(5, await store.GetStreamVersionAsync("s"));
        Assert.Equal(0, await store.GetStreamVersionAsync("absent"));
    }

    [Fact]
    public async Task Replay_journal_should_skip_events_up_to_the_durable_sequence_and_continue_after_the_next_one()
    {
        var store = await CreateStoreAsync();
        await RunJournal(store, EventJournalActor.Props(store, "first", JournalStart.FromBeginning), 4);

        // Re-produced from the start with 3 known stored: only the 4th and 5th are sent, and the 4th is a duplicate.
        var start = new JournalStart(System.Collections.Immutable.ImmutableDictionary<string, long>.Empty, System.Collections.Immutable.ImmutableDictionary<string, long>.Empty.Add("s", 3));
        var written = await RunJournal(store, EventJournalActor.Props(store, "again", start), 5);

        Assert.Equal(1, written);
        Assert.Equal(5, await store.GetStreamVersionAsync("s"));
    }

    private static async Task<long> RunJournal(IEventStore store, Props props, int events)
    {
        var system = ActorSystem.CreateDeterministic("journal", new ManualClock());
        await using (system)
        {
            var probe = new ActorArb.Actors.Runtime.Testing.TestProbe(system);
            var journal = system.ActorOf(props, "journal");
            foreach (var i in Enumerable.Range(0, events))
            {
                journal.Tell(new JournalProtocol.Append("s", [new TradingHalted(i, "r")]));
            }

            journal.Tell(new JournalProtocol.Flush(), probe);
            system.Deterministic!.RunUntilIdle();
            return probe.ExpectMsg<JournalProtocol.Flushed>().EventsWritten;
        }
    }
}

/// <summary>The journal restart specs on the in-memory store.</summary>
public sealed class InMemoryEventJournalRestartSpecs : EventJournalRestartSpecs
{
    protected override Task<IEventStore> CreateStoreAsync() => Task.FromResult<IEventStore>(new InMemoryEventStore(new ManualClock()));
}

/// <summary>The journal restart specs on PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresEventJournalRestartSpecs(PostgresServer server) : EventJournalRestartSpecs
{
    protected override async Task<IEventStore> CreateStoreAsync() => await ProjectionFixtures.NewStoreAsync(server, "journal_restart");
}
