using System.Globalization;
using System.IO.Compression;
using System.Text;
using ActorArb.Actors.Replay.Sources;
using ActorArb.Domain.Market;
using ActorArb.Domain.Validation;

namespace ActorArb.Host.Commands;

/// <summary>
/// Reading a series for <c>validate</c>. Files are read row by row here rather than through
/// <see cref="CsvCandleSource"/>, which drops bad rows, duplicates and misaligned times before anyone could report them;
/// other sources (synthetic, the store's candles) are read through their candles, which have no file lines.
/// </summary>
internal static partial class ValidateCommand
{
    private const int ReadBatch = 4096;

    private static readonly string[] PriceColumns = ["open", "high", "low", "close"];

    private static async Task<(string Source, List<CandleRow> Rows, List<UnreadableRow> Unreadable)> ReadAsync(Input input)
    {
        if (input.IsFile)
        {
            var (rows, unreadable) = ReadFile(input.Source, input.FromMs ?? long.MinValue, input.ToMs ?? long.MaxValue);
            return (input.Source, rows, unreadable);
        }

        await using var store = input.Persistence is { } persistence ? await persistence.OpenPostgresAsync().ConfigureAwait(false) : null;
        using var source = input.Settings!.Open(store);
        var read = new List<CandleRow>();
        var batch = new List<Candle>(ReadBatch);
        while (source.ReadCandles(batch, ReadBatch) > 0)
        {
            read.AddRange(batch.Select(c => CandleRow.From(c)));
            batch.Clear();
        }

        return (source.Description, read, []);
    }

    /// <summary>
    /// Reads every data row of a candle file (plain or gzip) within [<paramref name="fromMs"/>, <paramref name="toMs"/>);
    /// rows that do not parse come back as unreadable with the reason words of <see cref="DataProblems"/>.
    /// </summary>
    /// <exception cref="DataFormatException">The header is missing or is not <see cref="CsvCandleSource.Header"/>.</exception>
    internal static (List<CandleRow> Rows, List<UnreadableRow> Unreadable) ReadFile(string path, long fromMs = long.MinValue, long toMs = long.MaxValue)
    {
        using var reader = OpenText(path);
        var header = reader.ReadLine() ?? throw new DataFormatException(path, 1, $"missing header; expected \"{CsvCandleSource.Header}\"", string.Empty);
        if (header != CsvCandleSource.Header)
        {
            throw new DataFormatException(path, 1, $"unexpected header; expected \"{CsvCandleSource.Header}\"", Cut(header));
        }

        var rows = new List<CandleRow>();
        var unreadable = new List<UnreadableRow>();
        var number = 1;
        while (reader.ReadLine() is { } text)
        {
            number++;
            if (TryParseRow(text, number, out var row, out var reason))
            {
                if (row.TimeMs >= fromMs && row.TimeMs < toMs)
                {
                    rows.Add(row);
                }
            }
            else
            {
                unreadable.Add(new UnreadableRow(number, reason, Cut(text)));
            }
        }

        return (rows, unreadable);
    }

    private static bool TryParseRow(string text, int line, out CandleRow row, out string reason)
    {
        row = default;
        var fields = text.Split(',');
        if (fields.Length != 6)
        {
            reason = string.Create(CultureInfo.InvariantCulture, $"{DataProblems.WrongColumnCount} (expected 6, got {fields.Length})");
            return false;
        }

        if (!long.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var time))
        {
            reason = DataProblems.UnparsableTimestamp;
            return false;
        }

        Span<Price> prices = stackalloc Price[4];
        for (var i = 0; i < prices.Length; i++)
        {
            if (!Price.TryParse(fields[i + 1], out prices[i]))
            {
                reason = $"{DataProblems.UnparsablePrice} ({PriceColumns[i]})";
                return false;
            }
        }

        if (!double.TryParse(fields[5], NumberStyles.Float, CultureInfo.InvariantCulture, out var volume) || !double.IsFinite(volume))
        {
            reason = DataProblems.UnparsableVolume;
            return false;
        }

        reason = string.Empty;
        row = new CandleRow(line, time, prices[0], prices[1], prices[2], prices[3], volume);
        return true;
    }

    /// <summary>Opens a text file, decompressing it when it starts with the gzip magic bytes whatever its extension.</summary>
    private static StreamReader OpenText(string path)
    {
        var file = File.OpenRead(path);
        try
        {
            var gzip = file.ReadByte() == 0x1F && file.ReadByte() == 0x8B;
            file.Position = 0;
            return new StreamReader(gzip ? new GZipStream(file, CompressionMode.Decompress) : file, Encoding.UTF8);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private static string Cut(string text) =>
        text.Length <= DataFormatException.MaxQuotedChars ? text : string.Concat(text.AsSpan(0, DataFormatException.MaxQuotedChars), "…");
}
