using System.Globalization;
using ActorArb.Actors.Replay.Sources;
using ActorArb.Domain.Market;
using ActorArb.Domain.Time;

namespace ActorArb.Actors.Tests.Replay.Sources;

public sealed class CsvCandleSourceSpecs : IDisposable
{
    private const string KrakenUsdc = "candles/kraken/USDCUSD-1m-20230301-20230321.csv";
    private const string Header = "timestamp_utc_ms,open,high,low,close,volume";

    private static readonly Instrument Usdc = new(new InstrumentId("kraken", "USDC/USD"), Price.Parse("0.0001"), Price.Parse("1"));
    private readonly TempCsvFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public void CsvCandleSource_should_read_every_row_of_the_kraken_usdc_file()
    {
        if (SharedData.File(KrakenUsdc) is not { } path)
        {
            return;
        }

        using var source = new CsvCandleSource(path, Usdc, Timeframe.OneMinute, CsvSourceOptions.Default);
        var candles = ReadAll(source);

        Assert.Equal(20_934, candles.Count);
        Assert.Equal(new Candle(Usdc.Id, Timeframe.OneMinute, 1_677_628_800_000, Price.Parse("1"), Price.Parse("1"), Price.Parse("1"), Price.Parse("1"), 29647.93, 0, CandleFlags.None), candles[0]);
        Assert.Equal("2023-03-21T23:58:00Z", UnixTime.ToIso(candles[^1].OpenTimeMs));
        var lowest = candles.MinBy(c => c.Low);
        Assert.Equal(Price.Parse("0.874"), lowest.Low);
        Assert.Equal("2023-03-11T07:15:00Z", UnixTime.ToIso(lowest.OpenTimeMs));
        Assert.Equal(20_934, source.Quality.RowsRead);
        Assert.Equal(20_934, source.Quality.RowsAccepted);
        Assert.Empty(source.Quality.ProblemCounts);
        Assert.Equal(20_934, source.Position);
        Assert.Equal(20_934, source.EstimatedCount);
        Assert.Equal(SourceKind.Candles, source.Kind);
        Assert.Equal($"csv candles {path} (kraken:USDC/USD 1m)", source.Description);
    }

    [Fact]
    public void CsvCandleSource_should_read_a_gzip_file_like_the_plain_one()
    {
        if (SharedData.File("candles/kraken/XBTUSDC-1m-20230301-20230321.csv.gz") is not { } path)
        {
            return;
        }

        var btc = new Instrument(new InstrumentId("kraken", "BTC/USDC"), Price.Parse("0.1"));
        using var source = new CsvCandleSource(path, btc, Timeframe.OneMinute, CsvSourceOptions.Default);
        var candles = ReadAll(source);

        Assert.Equal(15_719, candles.Count);
        Assert.Equal(CountDataLines(path), candles.Count);
        Assert.Equal(0, source.Quality.RowsSkipped);
    }

    [Fact]
    public void CsvCandleSource_should_estimate_the_row_count_from_the_file_length_before_reading()
    {
        if (SharedData.File(KrakenUsdc) is not { } path)
        {
            return;
        }

        using var source = new CsvCandleSource(path, Usdc, Timeframe.OneMinute, CsvSourceOptions.Default);

        // The opening sample sees the file's short early rows ("1,1,1,1"), so it overshoots a little.
        Assert.InRange(source.EstimatedCount!.Value, 0.8 * 20_934, 1.25 * 20_934);
        var batch = new List<Candle>();
        while (source.Position < 15_000)
        {
            source.ReadCandles(batch, 1_000);
        }

        Assert.InRange(source.EstimatedCount!.Value, 0.95 * 20_934, 1.05 * 20_934);
    }

    [Fact]
    public void CsvCandleSource_should_deliver_only_the_time_window_when_from_and_to_are_set()
    {
        if (SharedData.File(KrakenUsdc) is not { } path)
        {
            return;
        }

        UnixTime.TryParseIso("2023-03-11T00:00:00Z", out var from);
        UnixTime.TryParseIso("2023-03-12T00:00:00Z", out var to);
        var times = File.ReadLines(path).Skip(1).Select(line => long.Parse(line.AsSpan(0, line.IndexOf(',')), CultureInfo.InvariantCulture)).ToList();
        var expected = times.Where(t => t >= from && t < to).ToList();
        var before = times.Count(t => t < from);

        using var source = new CsvCandleSource(path, Usdc, Timeframe.OneMinute, new CsvSourceOptions(FromMs: from, ToMs: to));
        var candles = ReadAll(source);

        Assert.Equal(expected, candles.Select(c => c.OpenTimeMs));
        Assert.Equal(before + 1, source.Quality.RowsOutOfRange);
        Assert.Equal(before + expected.Count + 1, source.Position);
        Assert.Equal(source.Position, source.EstimatedCount);
    }

    [Fact]
    public void CsvCandleSource_should_fill_batches_up_to_max_and_return_zero_at_the_end()
    {
        var path = files.Write("five.csv", Header, Row(0), Row(1), Row(2), Row(3), Row(4));
        using var source = new CsvCandleSource(path, Usdc, Timeframe.OneMinute, CsvSourceOptions.Default);
        var batch = new List<Candle>();

        Assert.Equal(2, source.ReadCandles(batch, 2));
        Assert.Equal(2, source.ReadCandles(batch, 2));
        Assert.Equal(1, source.ReadCandles(batch, 2));
        Assert.Equal(0, source.ReadCandles(batch, 2));
        Assert.Equal(0, source.ReadCandles(batch, 2));
        Assert.Equal(Enumerable.Range(0, 5).Select(i => 1_677_628_800_000 + (i * 60_000L)), batch.Select(c => c.OpenTimeMs));
    }

    [Fact]
    public void CsvCandleSource_should_keep_values_exactly_as_written()
    {
        var path = files.Write("exact.csv", Header, "1677628800000,0.99991,1.00002,0.99990,0.99995,24028.49491322");
        var fine = Usdc with { TickSize = Price.Parse("0.00001") };
        using var source = new CsvCandleSource(path, fine, Timeframe.OneMinute, CsvSourceOptions.Default);

        var candle = Assert.Single(ReadAll(source));

        Assert.Equal(999_910_000, candle.Open.Raw);
        Assert.Equal(1_000_020_000, candle.High.Raw);
        Assert.Equal(999_900_000, candle.Low.Raw);
        Assert.Equal(999_950_000, candle.Close.Raw);
        Assert.Equal(24028.49491322, candle.Volume);
    }

    [Fact]
    public void CsvCandleSource_should_detect_gzip_by_its_magic_bytes_not_the_extension()
    {
        var gzipNamedCsv = files.WriteGzip("packed.csv", Header, Row(0), Row(1));
        var plainNamedGz = files.Write("plain.csv.gz", Header, Row(0), Row(1));

        using var packed = new CsvCandleSource(gzipNamedCsv, Usdc, Timeframe.OneMinute, CsvSourceOptions.Default);
        using var plain = new CsvCandleSource(plainNamedGz, Usdc, Timeframe.OneMinute, CsvSourceOptions.Default);

        Assert.Equal(ReadAll(plain), ReadAll(packed));
        Assert.Equal(2, packed.Quality.RowsAccepted);
    }

    [Fact]
    public void CsvCandleSource_should_read_windows_line_ends_and_a_missing_final_newline()
    {
        var path = files.WriteText("crlf.csv", $"{Header}\r\n{Row(0)}\r\n{Row(1)}");
        using var source = new CsvCandleSource(path, Usdc, Timeframe.OneMinute, CsvSourceOptions.Default);

        Assert.Equal(2, ReadAll(source).Count);
        Assert.Equal(0, source.Quality.RowsSkipped);
    }

    [Theory]
    [InlineData("timestamp,open,high,low,close,volume")]
    [InlineData("timestamp_utc_ms,open,high,low,close,volume,trades")]
    [InlineData("1677628800000,1,1,1,1,5")]
    public void CsvCandleSource_should_refuse_a_file_whose_header_differs(string header)
    {
        var path = files.Write("header.csv", header, Row(0));

        var error = Assert.Throws<DataFormatException>(() => new CsvCandleSource(path, Usdc, Timeframe.OneMinute, CsvSourceOptions.Default));

        Assert.Equal(path, error.File);
        Assert.Equal(1, error.Line);
        Assert.StartsWith($"{path}:1: unexpected header; expected \"{Header}\"", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(header, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CsvCandleSource_should_refuse_an_empty_file_as_missing_its_header()
    {
        var path = files.WriteText("empty.csv", string.Empty);

        var error = Assert.Throws<DataFormatException>(() => new CsvCandleSource(path, Usdc, Timeframe.OneMinute, CsvSourceOptions.Default));

        Assert.Equal(1, error.Line);
        Assert.Contains("missing header", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void CsvCandleSource_should_refuse_to_read_ticks_or_to_repeat()
    {
        var path = files.Write("ok.csv", Header, Row(0));
        using var source = new CsvCandleSource(path, Usdc, Timeframe.OneMinute, CsvSourceOptions.Default);

        Assert.Throws<InvalidOperationException>(() => source.ReadTicks([], 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => source.ReadCandles([], 0));
        Assert.Throws<ArgumentException>(() => new CsvCandleSource(path, Usdc, Timeframe.OneMinute, new CsvSourceOptions(Repeat: 2)));
        Assert.Throws<ArgumentException>(() => new CsvCandleSource(path, Usdc, Timeframe.OneMinute, new CsvSourceOptions(FromMs: 10, ToMs: 10)));
    }

    [Fact]
    public void CsvCandleSource_should_refuse_reads_after_dispose()
    {
        var path = files.Write("ok.csv", Header, Row(0));
        var source = new CsvCandleSource(path, Usdc, Timeframe.OneMinute, CsvSourceOptions.Default);
        source.Dispose();

        Assert.Throws<ObjectDisposedException>(() => source.ReadCandles([], 10));
    }

    [Fact]
    public void CsvCandleSource_should_check_alignment_against_its_own_timeframe()
    {
        var path = files.Write("hourly.csv", Header, "1677628800000,1,1,1,1,5", "1677632400000,1,1,1,1,5", "1677632460000,1,1,1,1,5");
        using var source = new CsvCandleSource(path, Usdc, Timeframe.Parse("1h"), CsvSourceOptions.Default);

        var candles = ReadAll(source);

        Assert.Equal(2, candles.Count);
        Assert.All(candles, c => Assert.Equal(Timeframe.Parse("1h"), c.Timeframe));
        Assert.Equal(1, source.Quality.CountOf(DataProblems.MisalignedTimestamp));
    }

    internal static string Row(int minute, string ohlcv = "1,1,1,1,5") =>
        string.Create(CultureInfo.InvariantCulture, $"{1_677_628_800_000 + (minute * 60_000L)},{ohlcv}");

    private static List<Candle> ReadAll(HistoricalSource source)
    {
        var candles = new List<Candle>();
        while (source.ReadCandles(candles, 4_096) > 0)
        {
        }

        return candles;
    }

    private static int CountDataLines(string gzipPath)
    {
        using var file = File.OpenRead(gzipPath);
        using var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var lines = 0;
        while (reader.ReadLine() is not null)
        {
            lines++;
        }

        return lines - 1;
    }
}
