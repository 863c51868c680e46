using ActorArb.Actors.Persistence.Postgres;
using ActorArb.Actors.Persistence.Projections;
using ActorArb.Domain.Market;
using Npgsql;
using NpgsqlTypes;
using static ActorArb.Actors.Persistence.Postgres.PostgresSql;

namespace ActorArb.Actors.Replay.Sources;

/// <summary>
/// Reads one instrument's candles of one timeframe from the <c>candles</c> table that <see cref="CandleProjection"/>
/// keeps, in open-time order, a page per query (keyset pagination on the table's primary key, so every page costs
/// the same however deep the read). Prices come back exactly: <c>numeric</c> to <see cref="decimal"/> to
/// <see cref="Price"/>. Only the window [from, to) on the open time is read; rows already passed the checks of the
/// source that first produced them, so every row read is accepted (<see cref="DataQualityReport.RowsRead"/> equals
/// <see cref="DataQualityReport.RowsAccepted"/>). No connection is held between pages.
/// </summary>
public sealed class StoreCandleSource : HistoricalSource
{
    /// <summary>The default number of candles one query returns.</summary>
    public const int DefaultPageSize = 5_000;

    private readonly NpgsqlDataSource dataSource;
    private readonly string schema;
    private readonly Timeframe timeframe;
    private readonly long? fromMs;
    private readonly long? toMs;
    private readonly int pageSize;
    private readonly long count;
    private readonly List<Candle> page = [];
    private int pageIndex;
    private long? lastOpenTimeMs;
    private bool exhausted;

    /// <summary>
    /// Opens a source on the candles table of <paramref name="store"/>'s schema, through its data source, for the
    /// window [<paramref name="fromMs"/>, <paramref name="toMs"/>) (null: unbounded), and counts its rows.
    /// </summary>
    /// <exception cref="InvalidOperationException">The schema has no candles table yet.</exception>
    public StoreCandleSource(PostgresEventStore store, Instrument instrument, Timeframe timeframe, long? fromMs = null, long? toMs = null, int pageSize = DefaultPageSize)
        : this((store ?? throw new ArgumentNullException(nameof(store))).DataSource, store.Schema, instrument, timeframe, fromMs, toMs, pageSize)
    {
    }

    /// <summary>
    /// Opens a source on <c><paramref name="schema"/>.candles</c> for the window [<paramref name="fromMs"/>,
    /// <paramref name="toMs"/>) (null: unbounded) and counts its rows. The caller keeps and disposes
    /// <paramref name="dataSource"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The schema name is not a plain lower-case identifier, the timeframe or page size is not positive, or the window is empty.</exception>
    /// <exception cref="InvalidOperationException">The schema has no candles table yet.</exception>
    public StoreCandleSource(NpgsqlDataSource dataSource, string schema, Instrument instrument, Timeframe timeframe, long? fromMs = null, long? toMs = null, int pageSize = DefaultPageSize)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(timeframe.Ms, nameof(timeframe));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        if (fromMs is { } from && toMs is { } to && to <= from)
        {
            throw new ArgumentException($"the window's end ({to}) must be after its start ({from})", nameof(toMs));
        }

        this.dataSource = dataSource;
        this.schema = new PostgresNames(schema).Schema;
        Instrument = instrument;
        this.timeframe = timeframe;
        this.fromMs = fromMs;
        this.toMs = toMs;
        this.pageSize = pageSize;
        count = Count();
    }

    /// <inheritdoc />
    public override SourceKind Kind => SourceKind.Candles;

    /// <inheritdoc />
    public override string Description => $"store candles {schema}.candles ({Instrument.Id} {timeframe})";

    /// <inheritdoc />
    public override Instrument Instrument { get; }

    /// <summary>Gets the number of rows in the window when the source was opened (or the rows read, if more arrived since).</summary>
    public override long? EstimatedCount => Math.Max(count, Position);

    /// <inheritdoc />
    public override int ReadCandles(List<Candle> into, int max)
    {
        CheckRead(into, max, SourceKind.Candles);
        var added = 0;
        while (added < max)
        {
            if (pageIndex == page.Count)
            {
                if (exhausted || !FetchPage())
                {
                    break;
                }
            }

            into.Add(page[pageIndex++]);
            added++;
            Quality.RowsAccepted++;
        }

        return added;
    }

    /// <summary>Reads the next page after the last open time read; returns false (and remembers) when there is none.</summary>
    private bool FetchPage()
    {
        page.Clear();
        pageIndex = 0;
        using var connection = dataSource.OpenConnection();
        using var command = Query(connection, "open_time, open, high, low, close, volume, trade_count, flags", after: lastOpenTimeMs, " order by open_time limit $6");
        command.Parameters.Add(Parameter(pageSize, NpgsqlDbType.Integer));
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                page.Add(new Candle(
                    Instrument.Id,
                    timeframe,
                    ToUnixMs(reader.GetFieldValue<DateTime>(0)),
                    Price.FromDecimal(reader.GetDecimal(1)),
                    Price.FromDecimal(reader.GetDecimal(2)),
                    Price.FromDecimal(reader.GetDecimal(3)),
                    Price.FromDecimal(reader.GetDecimal(4)),
                    reader.GetDouble(5),
                    reader.GetInt32(6),
                    (CandleFlags)reader.GetInt16(7)));
            }
        }

        Quality.RowsRead += page.Count;
        if (page.Count < pageSize)
        {
            exhausted = true;
        }

        if (page.Count > 0)
        {
            lastOpenTimeMs = page[^1].OpenTimeMs;
        }

        return page.Count > 0;
    }

    private long Count()
    {
        using var connection = dataSource.OpenConnection();
        using var command = Query(connection, "count(*)", after: null, "");
        try
        {
            return (long)command.ExecuteScalar()!;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            throw new InvalidOperationException($"{schema}.candles does not exist: run the candle projection (ProjectionRunner with CandleProjection) on this schema first.", e);
        }
    }

    /// <summary>
    /// Returns a query of <paramref name="columns"/> over this source's rows: its instrument and timeframe ($1-$3),
    /// open time at or after the window's start, or after <paramref name="after"/> once a page was read ($4), and
    /// before the window's end ($5). Absent bounds compare with null and are always true.
    /// </summary>
    private NpgsqlCommand Query(NpgsqlConnection connection, string columns, long? after, string tail)
    {
        var lower = after is null ? "open_time >= $4" : "open_time > $4";
        var command = new NpgsqlCommand(
            $"select {columns} from {schema}.candles where exchange = $1 and symbol = $2 and timeframe = $3 and ({lower} or $4 is null) and (open_time < $5 or $5 is null){tail}",
            connection);
        command.Parameters.Add(Parameter(Instrument.Id.Exchange, NpgsqlDbType.Text));
        command.Parameters.Add(Parameter(Instrument.Id.Symbol, NpgsqlDbType.Text));
        command.Parameters.Add(Parameter(timeframe.ToString(), NpgsqlDbType.Text));
        command.Parameters.Add(Time(after ?? fromMs));
        command.Parameters.Add(Time(toMs));
        return command;
    }

    private static NpgsqlParameter Time(long? timeMs) =>
        timeMs is { } ms ? Parameter(ToUtc(ms), NpgsqlDbType.TimestampTz) : new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz };
}
