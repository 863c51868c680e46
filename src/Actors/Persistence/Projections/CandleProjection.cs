using ActorArb.Domain.Events;
using ActorArb.Domain.Market;
using Npgsql;
using NpgsqlTypes;
using static ActorArb.Actors.Persistence.Postgres.PostgresSql;

namespace ActorArb.Actors.Persistence.Projections;

/// <summary>
/// Keeps <c>&lt;schema&gt;.candles</c> from <see cref="CandleClosed"/> events: one row per (exchange, symbol,
/// timeframe, open time), whichever stream or run closed it, because a closed candle is the same fact wherever it
/// was closed. Prices are stored as <c>numeric</c> holding the exact <see cref="Price"/> value, volumes as
/// <c>double precision</c> (bit for bit), the timeframe by its short name (<c>1m</c>, <c>1h</c>) and the flags as
/// their numeric value. When the same key arrives again with other values, the later event wins; when it arrives
/// with the same values the row is not rewritten, so replaying the log changes nothing.
/// </summary>
public sealed class CandleProjection : IProjection
{
    /// <summary>The projection's name and checkpoint key.</summary>
    public const string ProjectionName = "candles";

    /// <inheritdoc />
    public string Name => ProjectionName;

    /// <inheritdoc />
    public Task CreateAsync(NpgsqlConnection connection, string schema, CancellationToken cancellationToken) =>
        ExecuteAsync(
            connection,
            $"""
            create table if not exists {schema}.candles (
                exchange text not null,
                symbol text not null,
                timeframe text not null,
                open_time timestamptz not null,
                open numeric not null,
                high numeric not null,
                low numeric not null,
                close numeric not null,
                volume double precision not null,
                trade_count integer not null,
                flags smallint not null,
                primary key (exchange, symbol, timeframe, open_time))
            """,
            cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// One statement per batch: the candles travel as column arrays through <c>unnest</c>. A key repeated within the
    /// batch is reduced to its last occurrence first, as one <c>insert … on conflict do update</c> may not touch a
    /// row twice.
    /// </remarks>
    public async Task ApplyAsync(NpgsqlConnection connection, string schema, IReadOnlyList<RecordedEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(events);
        var latest = new Dictionary<(string Exchange, string Symbol, long TimeframeMs, long OpenTimeMs), Candle>();
        foreach (var e in events)
        {
            if (e.Payload is CandleClosed { Candle: var c })
            {
                latest[(c.Instrument.Exchange, c.Instrument.Symbol, c.Timeframe.Ms, c.OpenTimeMs)] = c;
            }
        }

        if (latest.Count == 0)
        {
            return;
        }

        var n = latest.Count;
        var exchanges = new string[n];
        var symbols = new string[n];
        var timeframes = new string[n];
        var openTimes = new DateTime[n];
        var opens = new decimal[n];
        var highs = new decimal[n];
        var lows = new decimal[n];
        var closes = new decimal[n];
        var volumes = new double[n];
        var tradeCounts = new int[n];
        var flags = new short[n];
        var i = 0;
        foreach (var c in latest.Values)
        {
            exchanges[i] = c.Instrument.Exchange;
            symbols[i] = c.Instrument.Symbol;
            timeframes[i] = c.Timeframe.ToString();
            openTimes[i] = ToUtc(c.OpenTimeMs);
            opens[i] = c.Open.ToDecimal();
            highs[i] = c.High.ToDecimal();
            lows[i] = c.Low.ToDecimal();
            closes[i] = c.Close.ToDecimal();
            volumes[i] = c.Volume;
            tradeCounts[i] = c.TradeCount;
            flags[i] = (short)c.Flags;
            i++;
        }

        await ExecuteAsync(
            connection,
            $"""
            insert into {schema}.candles as c (exchange, symbol, timeframe, open_time, open, high, low, close, volume, trade_count, flags)
            select * from unnest($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            on conflict (exchange, symbol, timeframe, open_time) do update
            set open = excluded.open, high = excluded.high, low = excluded.low, close = excluded.close,
                volume = excluded.volume, trade_count = excluded.trade_count, flags = excluded.flags
            where (c.open, c.high, c.low, c.close, c.volume, c.trade_count, c.flags)
                is distinct from (excluded.open, excluded.high, excluded.low, excluded.close, excluded.volume, excluded.trade_count, excluded.flags)
            """,
            cancellationToken,
            Parameter(exchanges, NpgsqlDbType.Array | NpgsqlDbType.Text),
            Parameter(symbols, NpgsqlDbType.Array | NpgsqlDbType.Text),
            Parameter(timeframes, NpgsqlDbType.Array | NpgsqlDbType.Text),
            Parameter(openTimes, NpgsqlDbType.Array | NpgsqlDbType.TimestampTz),
            Parameter(opens, NpgsqlDbType.Array | NpgsqlDbType.Numeric),
            Parameter(highs, NpgsqlDbType.Array | NpgsqlDbType.Numeric),
            Parameter(lows, NpgsqlDbType.Array | NpgsqlDbType.Numeric),
            Parameter(closes, NpgsqlDbType.Array | NpgsqlDbType.Numeric),
            Parameter(volumes, NpgsqlDbType.Array | NpgsqlDbType.Double),
            Parameter(tradeCounts, NpgsqlDbType.Array | NpgsqlDbType.Integer),
            Parameter(flags, NpgsqlDbType.Array | NpgsqlDbType.Smallint)).ConfigureAwait(false);
    }
}
