using System.Globalization;
using ActorArb.Domain.Market;

namespace ActorArb.Actors.Replay.Sources;

/// <summary>
/// Reads OHLCV candles from a normalised CSV file, plain or gzip (<c>timestamp_utc_ms,open,high,low,close,volume</c>,
/// the timestamp being the bar's open time in Unix ms). Prices are parsed exactly into <see cref="Price"/>; volumes
/// as invariant doubles. No value is ever adjusted: a row is delivered as written, or refused (see
/// <see cref="DataProblems"/>) and then skipped or reported as an exception according to
/// <see cref="CsvSourceOptions.BadRows"/>. Gaps (missing bars) are not problems: trade-built files have them.
/// </summary>
public sealed class CsvCandleSource : HistoricalSource
{
    /// <summary>The header a candle file must start with, exactly.</summary>
    public const string Header = "timestamp_utc_ms,open,high,low,close,volume";

    private const int Columns = 6;

    private readonly string path;
    private readonly Timeframe timeframe;
    private readonly long fromMs;
    private readonly long toMs;
    private readonly string tickSizeText;
    private CsvFile? file;
    private bool hasPrevious;
    private long previousTimeMs;

    /// <summary>Opens <paramref name="path"/> and checks its header.</summary>
    /// <exception cref="DataFormatException">The header is missing or different.</exception>
    /// <exception cref="ArgumentException">The timeframe is not positive, or the options are invalid or ask for more than one pass.</exception>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    public CsvCandleSource(string path, Instrument instrument, Timeframe timeframe, CsvSourceOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(timeframe.Ms, nameof(timeframe));
        options.Validate();
        if (options.Repeat != 1)
        {
            throw new ArgumentException("CsvSourceOptions.Repeat is for tick files; a candle source reads its file once.", nameof(options));
        }

        this.path = path;
        Instrument = instrument;
        this.timeframe = timeframe;
        fromMs = options.FromMs ?? long.MinValue;
        toMs = options.ToMs ?? long.MaxValue;
        tickSizeText = instrument.TickSize.ToString();
        file = CsvFile.Open(path, Header, allowExtraColumns: false, Quality, options.BadRows);
    }

    /// <inheritdoc />
    public override SourceKind Kind => SourceKind.Candles;

    /// <inheritdoc />
    public override string Description => $"csv candles {path} ({Instrument.Id} {timeframe})";

    /// <inheritdoc />
    public override Instrument Instrument { get; }

    /// <summary>Gets the rows estimated from the file's length and its average row length, or exactly the rows read once the file is finished.</summary>
    public override long? EstimatedCount => file is null ? Position : file.EstimateDataRows();

    /// <inheritdoc />
    public override int ReadCandles(List<Candle> into, int max)
    {
        CheckRead(into, max, SourceKind.Candles);
        if (file is null)
        {
            return 0;
        }

        if (file.Stopped)
        {
            throw new InvalidOperationException($"{Description} stopped at a bad row; see the DataFormatException it threw.");
        }

        var added = 0;
        while (added < max)
        {
            if (!file.TryReadRow(out var row))
            {
                Finish();
                break;
            }

            if (!TryParse(file, row, out var candle))
            {
                continue;
            }

            if (candle.OpenTimeMs < fromMs)
            {
                Quality.RowsOutOfRange++;
                continue;
            }

            if (candle.OpenTimeMs >= toMs)
            {
                // Rows are in time order, so nothing after this one can be in the window.
                Quality.RowsOutOfRange++;
                Finish();
                break;
            }

            into.Add(candle);
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
            Finish();
        }

        base.Dispose(disposing);
    }

    private bool TryParse(CsvFile csv, ReadOnlySpan<char> row, out Candle candle)
    {
        candle = default;
        var rest = row;
        if (!CsvParsing.TryTakeField(ref rest, out var timeText)
            || !CsvParsing.TryTakeField(ref rest, out var openText)
            || !CsvParsing.TryTakeField(ref rest, out var highText)
            || !CsvParsing.TryTakeField(ref rest, out var lowText)
            || !CsvParsing.TryTakeField(ref rest, out var closeText)
            || !CsvParsing.TryTakeLastField(ref rest, 0, out var volumeText))
        {
            return csv.Reject(DataProblems.WrongColumnCount, row, $"expected {Columns}, got {CsvParsing.CountColumns(row)}");
        }

        if (!CsvParsing.TryParseTimestamp(timeText, out var timeMs))
        {
            return csv.Reject(DataProblems.UnparsableTimestamp, row);
        }

        if (!Price.TryParse(openText, out var open))
        {
            return csv.Reject(DataProblems.UnparsablePrice, row, "open");
        }

        if (!Price.TryParse(highText, out var high))
        {
            return csv.Reject(DataProblems.UnparsablePrice, row, "high");
        }

        if (!Price.TryParse(lowText, out var low))
        {
            return csv.Reject(DataProblems.UnparsablePrice, row, "low");
        }

        if (!Price.TryParse(closeText, out var close))
        {
            return csv.Reject(DataProblems.UnparsablePrice, row, "close");
        }

        if (!CsvParsing.TryParseQuantity(volumeText, out var volume))
        {
            return csv.Reject(DataProblems.UnparsableVolume, row);
        }

        if (open.Raw <= 0 || high.Raw <= 0 || low.Raw <= 0 || close.Raw <= 0)
        {
            return csv.Reject(DataProblems.NonPositivePrice, row);
        }

        if (high < low)
        {
            return csv.Reject(DataProblems.HighBelowLow, row);
        }

        if (open < low || open > high || close < low || close > high)
        {
            return csv.Reject(DataProblems.OpenCloseOutsideRange, row);
        }

        if (volume < 0)
        {
            return csv.Reject(DataProblems.NegativeVolume, row);
        }

        if (timeMs % timeframe.Ms != 0)
        {
            return csv.Reject(DataProblems.MisalignedTimestamp, row, timeframe.ToString());
        }

        if (hasPrevious && timeMs <= previousTimeMs)
        {
            return timeMs == previousTimeMs
                ? csv.Reject(DataProblems.DuplicateTimestamp, row)
                : csv.Reject(DataProblems.TimeGoesBackwards, row, string.Create(CultureInfo.InvariantCulture, $"previous {previousTimeMs}"));
        }

        hasPrevious = true;
        previousTimeMs = timeMs;
        var tickSize = Instrument.TickSize;
        if (!open.IsMultipleOf(tickSize) || !high.IsMultipleOf(tickSize) || !low.IsMultipleOf(tickSize) || !close.IsMultipleOf(tickSize))
        {
            csv.Warn(DataProblems.OffTickPrice, row, tickSizeText);
        }

        candle = new Candle(Instrument.Id, timeframe, timeMs, open, high, low, close, volume, TradeCount: 0, CandleFlags.None);
        return true;
    }

    private void Finish()
    {
        file?.Dispose();
        file = null;
    }
}
