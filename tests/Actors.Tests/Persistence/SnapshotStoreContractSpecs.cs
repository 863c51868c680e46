using ActorArb.Actors.Persistence;
using ActorArb.Domain.Events;

namespace ActorArb.Actors.Tests.Persistence;

/// <summary>The snapshot store contract, run against the in-memory and the PostgreSQL store.</summary>
public abstract class SnapshotStoreContractSpecs
{
    protected abstract ISnapshotStore CreateStore();

    [Fact]
    public async Task LoadLatest_should_return_the_highest_version_saved_for_the_stream()
    {
        var store = CreateStore();
        await store.SaveAsync("pf", 5, new PortfolioValued(5, 100, 100, 0));
        await store.SaveAsync("pf", 10, new PortfolioValued(10, 90.5, 101.25, 1.25));
        await store.SaveAsync("pf", 7, new PortfolioValued(7, 95, 99, -1));
        await store.SaveAsync("other", 99, new PortfolioValued(99, 1, 1, 1));

        var latest = await store.LoadLatestAsync("pf");

        Assert.Equal(new StoredSnapshot("pf", 10, new PortfolioValued(10, 90.5, 101.25, 1.25)), latest);
    }

    [Fact]
    public async Task Save_should_replace_a_snapshot_saved_again_at_the_same_version()
    {
        var store = CreateStore();
        await store.SaveAsync("s", 3, new TradingHalted(3, "first"));

        await store.SaveAsync("s", 3, new TradingHalted(3, "second"));

        Assert.Equal(new TradingHalted(3, "second"), (await store.LoadLatestAsync("s"))?.State);
    }

    [Fact]
    public async Task LoadLatest_should_return_null_for_a_stream_without_snapshots()
    {
        Assert.Null(await CreateStore().LoadLatestAsync("none"));
    }
}
