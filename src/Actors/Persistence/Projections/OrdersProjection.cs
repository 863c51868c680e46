using ActorArb.Domain.Events;
using ActorArb.Domain.Market;
using Npgsql;
using NpgsqlTypes;
using static ActorArb.Actors.Persistence.Postgres.PostgresSql;

namespace ActorArb.Actors.Persistence.Projections;

/// <summary>
/// Keeps <c>&lt;schema&gt;.orders</c> (one row per order) and <c>&lt;schema&gt;.fills</c> (one row per execution) from
/// <see cref="OrderApproved"/>, <see cref="OrderRejected"/> and <see cref="OrderFilled"/>, for the console and reports.
/// </summary>
/// <remarks>
/// <para>Keys. Order ids are unique per risk manager, and a run (a backtest, a live session) has one risk manager
/// writing under its stream scope, so an order is keyed by (<c>run</c>, <c>order_id</c>), where the run is the
/// stream id up to its first '/' (<see cref="RunOf"/>): <c>bt-42/risk</c> and <c>bt-42/execution</c> are both run
/// <c>bt-42</c>. A rejected intent never gets an order id; its row takes the negated global position of its event,
/// so it is unique, stable on replay, and apart from every real (positive) id. A fill is keyed by its event's
/// (<c>stream_id</c>, <c>version</c>), as <see cref="OrderFilled"/> carries no fill id.</para>
/// <para>Rows. <c>status</c> is <c>approved</c>, <c>rejected</c>, <c>partially_filled</c> or <c>filled</c>;
/// <c>reason</c> holds the strategy's reason for an approved order and the risk manager's for a rejected one;
/// <c>budget</c> and <c>quantity</c> are the approval's (null for rejections); <c>filled_quantity</c> and
/// <c>fees</c> are sums over the fills and <c>avg_fill_price</c> their quantity-weighted mean, computed in double
/// precision fill by fill in event order: the first fill's price, then (avg × filled + fill price × quantity) /
/// (filled + quantity) for each later one, the same whichever of fill and approval came first. Fills and
/// approvals travel in different streams, so a fill may arrive first: it creates the row, and the approval then
/// fills in the decision's columns without touching the fill totals (<c>stream_id</c>, <c>decided_at</c>,
/// <c>budget</c> and <c>quantity</c> stay null until it does). A fill is counted into its order only when its row
/// is new, so replaying the log changes nothing.</para>
/// </remarks>
public sealed class OrdersProjection : IProjection
{
    /// <summary>The projection's name and checkpoint key.</summary>
    public const string ProjectionName = "orders";

    /// <inheritdoc />
    public string Name => ProjectionName;

    /// <summary>Returns the run a stream belongs to: its id up to the first '/', or the whole id when it has none.</summary>
    public static string RunOf(string streamId)
    {
        ArgumentNullException.ThrowIfNull(streamId);
        var slash = streamId.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? streamId : streamId[..slash];
    }

    /// <inheritdoc />
    public Task CreateAsync(NpgsqlConnection connection, string schema, CancellationToken cancellationToken) =>
        ExecuteAsync(
            connection,
            $"""
            create table if not exists {schema}.orders (
                run text not null,
                order_id bigint not null,
                stream_id text,
                strategy_id text not null,
                exchange text not null,
                symbol text not null,
                side text not null,
                decided_at timestamptz,
                status text not null check (status in ('approved', 'rejected', 'partially_filled', 'filled')),
                reason text,
                budget double precision,
                quantity double precision,
                filled_quantity double precision not null,
                avg_fill_price double precision,
                fees double precision not null,
                primary key (run, order_id));
            create table if not exists {schema}.fills (
                stream_id text not null,
                version bigint not null,
                run text not null,
                order_id bigint not null,
                filled_at timestamptz not null,
                strategy_id text not null,
                exchange text not null,
                symbol text not null,
                side text not null,
                price numeric not null,
                fill_price double precision not null,
                quantity double precision not null,
                fee double precision not null,
                cash_delta double precision not null,
                partial boolean not null,
                primary key (stream_id, version));
            create index if not exists fills_by_order on {schema}.fills (run, order_id);
            """,
            cancellationToken);

    /// <inheritdoc />
    /// <remarks>One statement per order event, all sent in one round trip and run in event order.</remarks>
    public async Task ApplyAsync(NpgsqlConnection connection, string schema, IReadOnlyList<RecordedEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(events);
        await using var batch = new NpgsqlBatch(connection);
        foreach (var e in events)
        {
            var command = e.Payload switch
            {
                OrderApproved approved => Approved(schema, e, approved),
                OrderRejected rejected => Rejected(schema, e, rejected),
                OrderFilled filled => Filled(schema, e, filled),
                _ => null,
            };
            if (command is not null)
            {
                batch.BatchCommands.Add(command);
            }
        }

        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static NpgsqlBatchCommand Approved(string schema, RecordedEvent e, OrderApproved approved)
    {
        var intent = approved.Intent;
        return Command(
            $"""
            insert into {schema}.orders as o
                (run, order_id, stream_id, strategy_id, exchange, symbol, side, decided_at, status, reason, budget, quantity, filled_quantity, avg_fill_price, fees)
            values ($1, $2, $3, $4, $5, $6, $7, $8, 'approved', $9, $10, $11, 0, null, 0)
            on conflict (run, order_id) do update
            set stream_id = excluded.stream_id, decided_at = excluded.decided_at, reason = excluded.reason,
                budget = excluded.budget, quantity = excluded.quantity
            """,
            Text(RunOf(e.StreamId)),
            Parameter(approved.OrderId, NpgsqlDbType.Bigint),
            Text(e.StreamId),
            Text(intent.StrategyId),
            Text(intent.Instrument.Exchange),
            Text(intent.Instrument.Symbol),
            Text(SideName(intent.Side)),
            Parameter(ToUtc(approved.TimeMs), NpgsqlDbType.TimestampTz),
            Text(intent.Reason),
            Parameter(approved.Budget, NpgsqlDbType.Double),
            Parameter(approved.Quantity, NpgsqlDbType.Double));
    }

    private static NpgsqlBatchCommand Rejected(string schema, RecordedEvent e, OrderRejected rejected)
    {
        var intent = rejected.Intent;
        return Command(
            $"""
            insert into {schema}.orders
                (run, order_id, stream_id, strategy_id, exchange, symbol, side, decided_at, status, reason, budget, quantity, filled_quantity, avg_fill_price, fees)
            values ($1, $2, $3, $4, $5, $6, $7, $8, 'rejected', $9, null, null, 0, null, 0)
            on conflict (run, order_id) do nothing
            """,
            Text(RunOf(e.StreamId)),
            Parameter(-e.Position, NpgsqlDbType.Bigint),
            Text(e.StreamId),
            Text(intent.StrategyId),
            Text(intent.Instrument.Exchange),
            Text(intent.Instrument.Symbol),
            Text(SideName(intent.Side)),
            Parameter(ToUtc(rejected.TimeMs), NpgsqlDbType.TimestampTz),
            Text(rejected.Reason));
    }

    private static NpgsqlBatchCommand Filled(string schema, RecordedEvent e, OrderFilled fill) => Command(
        $"""
        with fill as (
            insert into {schema}.fills
                (stream_id, version, run, order_id, filled_at, strategy_id, exchange, symbol, side, price, fill_price, quantity, fee, cash_delta, partial)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
            on conflict (stream_id, version) do nothing
            returning run, order_id, strategy_id, exchange, symbol, side, fill_price, quantity, fee, partial)
        insert into {schema}.orders as o
            (run, order_id, stream_id, strategy_id, exchange, symbol, side, decided_at, status, reason, budget, quantity, filled_quantity, avg_fill_price, fees)
        select run, order_id, null, strategy_id, exchange, symbol, side, null,
               case when partial then 'partially_filled' else 'filled' end, null, null, null, quantity, fill_price, fee
        from fill
        on conflict (run, order_id) do update
        set status = case when o.status = 'filled' or excluded.status = 'filled' then 'filled' else 'partially_filled' end,
            avg_fill_price = case when o.filled_quantity = 0 then excluded.avg_fill_price
                else (o.avg_fill_price * o.filled_quantity + excluded.avg_fill_price * excluded.filled_quantity)
                    / (o.filled_quantity + excluded.filled_quantity) end,
            filled_quantity = o.filled_quantity + excluded.filled_quantity,
            fees = o.fees + excluded.fees
        """,
        Text(e.StreamId),
        Parameter(e.Version, NpgsqlDbType.Bigint),
        Text(RunOf(e.StreamId)),
        Parameter(fill.OrderId, NpgsqlDbType.Bigint),
        Parameter(ToUtc(fill.TimeMs), NpgsqlDbType.TimestampTz),
        Text(fill.StrategyId),
        Text(fill.Instrument.Exchange),
        Text(fill.Instrument.Symbol),
        Text(SideName(fill.Side)),
        Parameter(fill.Price.ToDecimal(), NpgsqlDbType.Numeric),
        Parameter(fill.FillPrice, NpgsqlDbType.Double),
        Parameter(fill.Quantity, NpgsqlDbType.Double),
        Parameter(fill.Fee, NpgsqlDbType.Double),
        Parameter(fill.CashDelta, NpgsqlDbType.Double),
        Parameter(fill.Partial, NpgsqlDbType.Boolean));

    private static NpgsqlBatchCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }

    private static NpgsqlParameter Text(string value) => Parameter(value, NpgsqlDbType.Text);

    private static string SideName(Side side) => side == Side.Buy ? "buy" : "sell";
}
