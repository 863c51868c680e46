using ActorArb.Actors.Persistence;
using ActorArb.Actors.Runtime;
using ActorArb.Actors.Tests.Runtime.Persistence;
using ActorArb.Domain.Events;
using ActorArb.Domain.Time;

namespace ActorArb.Actors.Tests.Persistence;

/// <summary>
/// While an append is in flight, the appends that queue up behind it for the same stream go to the store as one:
/// a slow store keeps up with a busy stream, and the stored events, order and ids are those of one append each.
/// </summary>
public sealed class EventJournalCoalescingSpecs
{
    [Fact]
    public async Task Journal_should_join_appends_to_one_stream_that_waited_behind_each_other()
    {
        var store = new InstrumentedEventStore(new InMemoryEventStore(new ManualClock()));
        var system = ActorSystem.Create("journal");
        await using (system)
        {
            var journal = system.ActorOf(EventJournalActor.Props(store, "node", JournalStart.FromBeginning), "journal");
            store.HoldAppends();
            journal.Tell(Append("a", 0));
            await store.AppendHeld;
            foreach (var i in Enumerable.Range(1, 5))
            {
                journal.Tell(Append("a", i));
            }

            journal.Tell(Append("b", 100));
            journal.Tell(Append("a", 6));
            journal.Tell(Append("a", 7));

            // Give the journal time to set the eight appends aside behind the one in flight.
            await Task.Delay(500);
            store.ReleaseAppends();
            var flushed = await journal.Ask<JournalProtocol.Flushed>(new JournalProtocol.Flush(), TimeSpan.FromSeconds(10));

            Assert.Equal(9, flushed.EventsWritten);
            Assert.Equal([1, 5, 1, 2], store.Batches);
            var stored = await store.ReadStreamAsync("a").ToListAsync();
            Assert.Equal(Enumerable.Range(0, 8).Select(i => (long)i), stored.Select(e => ((TradingHalted)e.Payload).TimeMs));
            Assert.Equal(Enumerable.Range(1, 8).Select(v => EventIds.For("a", v)), stored.Select(e => e.EventId));
        }
    }

    private static JournalProtocol.Append Append(string stream, long time) => new(stream, [new TradingHalted(time, "spec")]);
}
