using ActorArb.Actors.Persistence;
using ActorArb.Actors.Persistence.Postgres;
using ActorArb.Actors.Persistence.Projections;
using ActorArb.Actors.Tests.Persistence.Postgres;
using ActorArb.Domain.Events;
using ActorArb.Domain.Market;
using static ActorArb.Actors.Tests.Persistence.Projections.ProjectionFixtures;

namespace ActorArb.Actors.Tests.Persistence.Projections;

/// <summary>The orders and fills read model on a real PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class OrdersProjectionSpecs(PostgresServer server)
{
    private static readonly InstrumentId Usdc = new("kraken", "USDC/USD");

    [Fact]
    public async Task OrdersProjection_should_track_approved_partially_filled_filled_and_rejected_orders()
    {
        var store = await NewStoreAsync(server, "orders_life");
        var buy = Intent(Side.Buy, new OrderSize.AllCash(1), "close 0.99 <= buy 0.99");
        await store.AppendAsync("bt-1/risk", ExpectedVersion.NoStream, [
            Event("bt-1/risk", 1, new OrderApproved(Start + 60_000, 1, buy, 1_000, 0)),
            Event("bt-1/risk", 2, new OrderRejected(Start + 120_000, Intent(Side.Sell, new OrderSize.AllPosition(), "close 1.01 >= sell 1.01"), "max position 5 >= 5")),
            Event("bt-1/risk", 3, new OrderApproved(Start + 180_000, 2, Intent(Side.Sell, new OrderSize.Units(500), "sell half"), 0, 500))]);
        await store.AppendAsync("bt-1/execution", ExpectedVersion.NoStream, [Event("bt-1/execution", 1, Fill(1, 400, 0.99, partial: true, Start + 61_000, fee: 0.4))]);
        await Runner(store, new OrdersProjection()).CatchUpAsync();

        var partial = (await ReadOrdersAsync(store))[("bt-1", 1)];
        Assert.Equal(("partially_filled", 400.0, 0.99, 0.4), (partial.Status, partial.Filled, partial.AvgFillPrice, partial.Fees));

        await store.AppendAsync("bt-1/execution", 1, [Event("bt-1/execution", 2, Fill(1, 600, 0.995, partial: false, Start + 62_000, fee: 0.6))]);
        await Runner(store, new OrdersProjection()).CatchUpAsync();

        var orders = await ReadOrdersAsync(store);
        var rejectedAt = (await PostgresEventStoreSpecs.ToList(store.ReadStreamAsync("bt-1/risk")))[1].Position;
        Assert.Equal(3, orders.Count);
        Assert.Equal(
            new OrderRow("bt-1/risk", "peg", "kraken", "USDC/USD", "buy", Start + 60_000, "filled", "close 0.99 <= buy 0.99", 1_000, 0, 1_000, ((0.99 * 400) + (0.995 * 600)) / (400 + 600.0), 0.0 + 0.4 + 0.6),
            orders[("bt-1", 1)]);
        Assert.Equal(
            new OrderRow("bt-1/risk", "peg", "kraken", "USDC/USD", "sell", Start + 120_000, "rejected", "max position 5 >= 5", null, null, 0, null, 0),
            orders[("bt-1", -rejectedAt)]);
        Assert.Equal(
            new OrderRow("bt-1/risk", "peg", "kraken", "USDC/USD", "sell", Start + 180_000, "approved", "sell half", 0, 500, 0, null, 0),
            orders[("bt-1", 2)]);
        await using var fills = store.DataSource.CreateCommand(
            $"select stream_id, version, run, order_id, (extract(epoch from filled_at) * 1000)::bigint, side, price::text, fill_price, quantity, fee, cash_delta, partial from {store.Schema}.fills order by version");
        await using var reader = await fills.ExecuteReaderAsync();
        var rows = new List<object[]>();
        while (await reader.ReadAsync())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }

        Assert.Equal(2, rows.Count);
        Assert.Equal(["bt-1/execution", 2L, "bt-1", 1L, Start + 62_000, "buy", "0.9987", 0.995, 600.0, 0.6, -(600 * 0.995) - 0.6, false], rows[1]);
    }

    [Fact]
    public async Task OrdersProjection_should_combine_a_fill_that_arrives_before_its_approval()
    {
        var store = await NewStoreAsync(server, "orders_early");
        await store.AppendAsync("bt-1/execution", ExpectedVersion.NoStream, [
            Event("bt-1/execution", 1, Fill(3, 10, 1.001, partial: true, Start + 5_000)),
            Event("bt-1/execution", 2, Fill(3, 5, 1.002, partial: false, Start + 6_000))]);
        await Runner(store, new OrdersProjection()).CatchUpAsync();
        Assert.Equal(new OrderRow(null, "peg", "kraken", "USDC/USD", "buy", null, "filled", null, null, null, 15, ((1.001 * 10) + (1.002 * 5)) / 15, 0), (await ReadOrdersAsync(store))[("bt-1", 3)]);

        await store.AppendAsync("bt-1/risk", ExpectedVersion.NoStream, [Event("bt-1/risk", 1, new OrderApproved(Start, 3, Intent(Side.Buy, new OrderSize.AllCash(0.5), "early"), 15.1, 0))]);
        await Runner(store, new OrdersProjection()).CatchUpAsync();

        Assert.Equal(
            new OrderRow("bt-1/risk", "peg", "kraken", "USDC/USD", "buy", Start, "filled", "early", 15.1, 0, 15, ((1.001 * 10) + (1.002 * 5)) / 15, 0),
            (await ReadOrdersAsync(store))[("bt-1", 3)]);
    }

    [Fact]
    public async Task OrdersProjection_should_keep_runs_apart_and_change_nothing_when_replayed()
    {
        var store = await NewStoreAsync(server, "orders_runs");
        foreach (var run in new[] { "bt-1", "bt-2" })
        {
            await store.AppendAsync($"{run}/risk", ExpectedVersion.NoStream, [Event($"{run}/risk", 1, new OrderApproved(Start, 1, Intent(Side.Buy, new OrderSize.AllCash(1), run), 100, 0))]);
            await store.AppendAsync($"{run}/execution", ExpectedVersion.NoStream, [Event($"{run}/execution", 1, Fill(1, 99, 1.0, partial: false, Start + 1))]);
        }

        await Runner(store, new OrdersProjection()).CatchUpAsync();
        var orders = await ReadOrdersAsync(store);
        await RewindAsync(store, OrdersProjection.ProjectionName, 0);
        await Runner(store, new OrdersProjection(), batchSize: 1).CatchUpAsync();

        Assert.Equal([("bt-1", 1L), ("bt-2", 1L)], orders.Keys.Order());
        Assert.Equal("bt-2", orders[("bt-2", 1)].Reason);
        Assert.Equal(orders, await ReadOrdersAsync(store));
        Assert.Equal(2L, await Scalar(store, $"select count(*) from {store.Schema}.fills"));
    }

    [Fact]
    public void RunOf_should_take_the_stream_id_up_to_the_first_slash()
    {
        Assert.Equal("bt-42", OrdersProjection.RunOf("bt-42/risk"));
        Assert.Equal("bt-42", OrdersProjection.RunOf("bt-42/candles/kraken:USDC/USD"));
        Assert.Equal("live", OrdersProjection.RunOf("live"));
    }

    internal static OrderFilled Fill(long orderId, double quantity, double fillPrice, bool partial, long timeMs, double fee = 0) =>
        new(timeMs, orderId, "peg", Usdc, Side.Buy, Price.Parse("0.9987"), fillPrice, quantity, fee, -(quantity * fillPrice) - fee, partial);

    private static OrderIntent Intent(Side side, OrderSize size, string reason) =>
        new(Start, "peg", Usdc, side, size, Price.Parse("0.99"), reason);

    private static async Task<Dictionary<(string Run, long OrderId), OrderRow>> ReadOrdersAsync(PostgresEventStore store)
    {
        await using var command = store.DataSource.CreateCommand(
            $"""
            select run, order_id, stream_id, strategy_id, exchange, symbol, side, (extract(epoch from decided_at) * 1000)::bigint,
                   status, reason, budget, quantity, filled_quantity, avg_fill_price, fees
            from {store.Schema}.orders
            """);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new Dictionary<(string, long), OrderRow>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetInt64(1)), new OrderRow(
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetString(5),
                reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetInt64(7),
                reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetString(9),
                reader.IsDBNull(10) ? null : reader.GetDouble(10),
                reader.IsDBNull(11) ? null : reader.GetDouble(11),
                reader.GetDouble(12),
                reader.IsDBNull(13) ? null : reader.GetDouble(13),
                reader.GetDouble(14)));
        }

        return rows;
    }

    private sealed record OrderRow(
        string? StreamId,
        string StrategyId,
        string Exchange,
        string Symbol,
        string Side,
        long? DecidedAtMs,
        string Status,
        string? Reason,
        double? Budget,
        double? Quantity,
        double Filled,
        double? AvgFillPrice,
        double Fees);
}
