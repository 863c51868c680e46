using ActorArb.Actors.Persistence;

namespace ActorArb.Actors.Tests.Persistence;

/// <summary>
/// The event store contract. Every implementation runs these specs by deriving from this class; the
/// PostgreSQL store joins when it lands, with the in-memory store as the reference.
/// </summary>
public abstract class EventStoreContractSpecs
{
    protected abstract IEventStore CreateStore();

    [Fact]
    public async Task Append_should_number_versions_from_one_and_positions_globally()
    {
        var store = CreateStore();

        await store.AppendAsync("a", ExpectedVersion.NoStream, [Event("a", 1), Event("a", 2)]);
        await store.AppendAsync("b", ExpectedVersion.NoStream, [Event("b", 1)]);
        var result = await store.AppendAsync("a", 2, [Event("a", 3)]);

        Assert.Equal(3, result.StreamVersion);
        Assert.Equal(4, result.LastPosition);
        var a = await ToList(store.ReadStreamAsync("a"));
        Assert.Equal([1L, 2, 3], a.Select(e => e.Version));
        Assert.Equal([1L, 2, 4], a.Select(e => e.Position));
        Assert.Equal(["a1", "a2", "a3"], a.Select(e => (string)e.Payload));
    }

    [Fact]
    public async Task Append_should_throw_a_concurrency_exception_naming_stream_and_versions_when_the_version_is_stale()
    {
        var store = CreateStore();
        await store.AppendAsync("orders", ExpectedVersion.NoStream, [Event("orders", 1), Event("orders", 2)]);

        var e = await Assert.ThrowsAsync<ConcurrencyException>(async () => await store.AppendAsync("orders", 1, [Event("orders", 3)]));

        Assert.Equal(("orders", 1L, 2L), (e.StreamId, e.ExpectedVersion, e.ActualVersion));
        Assert.Contains("orders", e.Message, StringComparison.Ordinal);
        Assert.Equal(2, (await ToList(store.ReadStreamAsync("orders"))).Count);
    }

    [Fact]
    public async Task Append_should_write_nothing_twice_when_a_landed_append_is_retried()
    {
        var store = CreateStore();
        var batch = new[] { Event("s", 1), Event("s", 2) };
        await store.AppendAsync("s", ExpectedVersion.NoStream, batch);

        var retry = await store.AppendAsync("s", ExpectedVersion.NoStream, batch);

        Assert.Equal(0, retry.Written);
        Assert.Equal(2, (await ToList(store.ReadAllAsync())).Count);
    }

    [Fact]
    public async Task ReadAll_should_return_events_after_a_position_in_position_order()
    {
        var store = CreateStore();
        for (var i = 1; i <= 5; i++)
        {
            await store.AppendAsync(i % 2 == 0 ? "even" : "odd", ExpectedVersion.Any, [Event("x", i)]);
        }

        var after2 = await ToList(store.ReadAllAsync(2));

        Assert.Equal([3L, 4, 5], after2.Select(e => e.Position));
        Assert.Equal(["x3", "x4", "x5"], after2.Select(e => (string)e.Payload));
    }

    [Fact]
    public async Task ReadStream_should_return_nothing_for_an_unknown_stream()
    {
        Assert.Empty(await ToList(CreateStore().ReadStreamAsync("nope")));
    }

    private static EventData Event(string stream, int n) => new(EventIds.For(stream, n), "Test", $"{stream}{n}", EventMetadata.Empty);

    private static async Task<List<RecordedEvent>> ToList(IAsyncEnumerable<RecordedEvent> events)
    {
        var list = new List<RecordedEvent>();
        await foreach (var e in events)
        {
            list.Add(e);
        }

        return list;
    }
}
