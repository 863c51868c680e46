using ActorArb.Domain.Market;

namespace ActorArb.Actors.Replay.Sources;

/// <summary>
/// Reads trade ticks from a normalised CSV file, plain or gzip, whose header starts
/// <c>timestamp_utc_ms,trade_id,price,qty,taker_side</c> (further columns are allowed and ignored, but every row
/// must have the header's column count). <c>taker_side</c> is the aggressor side, <c>buy</c> or <c>sell</c>. Prices
/// are parsed exactly; quantities as invariant doubles; the trade id is kept as text (empty when the exchange gave
/// none). No value is ever adjusted: a row is delivered as written or refused (see <see cref="DataProblems"/>).
/// </summary>
/// <remarks>
/// <para>
/// This is the replay hot path: lines are spans over a pooled buffer, fields are cut with <c>IndexOf</c>, and the only
/// allocation per row is the trade id string.
/// </para>
/// <para>
/// <see cref="CsvSourceOptions.Repeat"/> &gt; 1 replays the file that many times, for benchmarks. Pass <c>p</c>
/// (counting from 0) shifts every time by <c>p × (last − first + 1 ms)</c>, first and last being the times of the
/// first and last tick delivered by pass 0, so time keeps increasing across passes. Trade ids stay unique: when every
/// id delivered by pass 0 is a plain decimal number (no sign, no leading zero), pass <c>p</c> adds
/// <c>p × (max − min + 1)</c>, so a gap-free tape stays gap-free across passes; otherwise pass <c>p</c> appends
/// <c>#p</c> to each id. Empty ids stay empty. The time window applies to each pass on the file's own timestamps.
/// Every pass re-reads and re-validates the file, so problems are counted once per pass.
/// </para>
/// </remarks>
public sealed partial class CsvTickSource : HistoricalSource
{
    /// <summary>The columns a tick file's header must start with.</summary>
    public const string HeaderPrefix = "timestamp_utc_ms,trade_id,price,qty,taker_side";

    private readonly string path;
    private readonly CsvSourceOptions options;
    private readonly string tickSizeText;
    private readonly long fromMs;
    private readonly long toMs;
    private CsvFile? file;
    private int pass;
    private long rowsPerPass = -1;
    private long deliveredInFirstPass;
    private long firstTimeMs;
    private long lastTimeMs;
    private long shiftMs;

    /// <summary>Opens <paramref name="path"/> and checks its header.</summary>
    /// <exception cref="DataFormatException">The header is missing or different.</exception>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    public CsvTickSource(string path, Instrument instrument, CsvSourceOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.path = path;
        this.options = options;
        Instrument = instrument;
        tickSizeText = instrument.TickSize.ToString();
        fromMs = options.FromMs ?? long.MinValue;
        toMs = options.ToMs ?? long.MaxValue;
        trackIds = options.Repeat > 1;
        file = OpenPass();
    }

    /// <inheritdoc />
    public override SourceKind Kind => SourceKind.Ticks;

    /// <inheritdoc />
    public override string Description =>
        options.Repeat == 1 ? $"csv ticks {path} ({Instrument.Id})" : $"csv ticks {path} ({Instrument.Id}) x{options.Repeat}";

    /// <inheritdoc />
    public override Instrument Instrument { get; }

    /// <summary>
    /// Gets the rows estimated from the file's length times the passes, exact per pass once the first pass is done,
    /// and exactly the rows read once the source is finished.
    /// </summary>
    public override long? EstimatedCount =>
        file is null ? Position : Math.Max((rowsPerPass >= 0 ? rowsPerPass : file.EstimateDataRows()) * options.Repeat, Position);

    /// <inheritdoc />
    public override int ReadTicks(List<TradeTick> into, int max)
    {
        CheckRead(into, max, SourceKind.Ticks);
        if (file is { Stopped: true })
        {
            throw new InvalidOperationException($"{Description} stopped at a bad row; see the DataFormatException it threw.");
        }

        var added = 0;
        while (added < max && file is not null)
        {
            if (!file.TryReadRow(out var row))
            {
                EndPass();
                continue;
            }

            if (!TryParse(file, row, out var timeMs, out var price, out var quantity, out var side, out var idText))
            {
                continue;
            }

            if (timeMs < fromMs)
            {
                Quality.RowsOutOfRange++;
                continue;
            }

            if (timeMs >= toMs)
            {
                // Rows are in time order, so nothing after this one in this pass can be in the window.
                Quality.RowsOutOfRange++;
                EndPass();
                continue;
            }

            string tradeId;
            if (pass == 0)
            {
                if (deliveredInFirstPass == 0)
                {
                    firstTimeMs = timeMs;
                }

                lastTimeMs = timeMs;
                deliveredInFirstPass++;
                tradeId = FirstPassId(idText);
            }
            else
            {
                tradeId = RepeatedId(idText);
            }

            into.Add(new TradeTick(Instrument.Id, timeMs + shiftMs, price, quantity, side, tradeId));
            Quality.RowsAccepted++;
            added++;
        }

        return added;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            file?.Dispose();
            file = null;
        }

        base.Dispose(disposing);
    }

    private CsvFile OpenPass() => CsvFile.Open(path, HeaderPrefix, allowExtraColumns: true, Quality, options.BadRows);

    /// <summary>Closes the file and, while passes remain and the first pass delivered anything, reopens it shifted.</summary>
    private void EndPass()
    {
        file?.Dispose();
        file = null;
        if (pass == 0)
        {
            rowsPerPass = Quality.RowsRead;
        }

        if (pass + 1 >= options.Repeat || deliveredInFirstPass == 0)
        {
            return;
        }

        if (pass == 0)
        {
            PlanRepeatedIds();
        }

        pass++;
        shiftMs = checked(pass * (lastTimeMs - firstTimeMs + 1));
        StartRepeatedIds();
        ResetRowChecks();
        file = OpenPass();
    }
}
