using System.IO.Compression;
using ActorArb.Actors.Replay.Sources;
using ActorArb.Domain.Market;
using ActorArb.Host.Commands;

namespace ActorArb.Host.Tests.Validate;

/// <summary>How <c>validate</c> names its series from file paths and reads candle rows without dropping the bad ones.</summary>
public sealed class ValidateCommandInputSpecs : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("actorarb-validate-input-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("../shared/data/candles/kraken/USDCUSD-1m-20230301-20230321.csv", "kraken", "USDC/USD", "1m")]
    [InlineData("/data/candles/coinbase/USDT-USD-1m-20230301-20230321.csv", "coinbase", "USDT/USD", "1m")]
    [InlineData("candles/binance/USDCUSDT-1m-20230301-20230321.csv", "binance", "USDC/USDT", "1m")]
    [InlineData("candles/kraken/XBTUSDC-1m-20230301-20230321.csv.gz", "kraken", "BTC/USDC", "1m")]
    [InlineData("candles/kraken/XBTUSD-60m-2023Q1.csv.gz", "kraken", "BTC/USD", "1h")]
    [InlineData("candles/Kraken/usdtusd-5m.csv", "kraken", "USDT/USD", "5m")]
    public void InferFromPath_should_read_the_exchange_from_the_folder_and_the_pair_and_timeframe_from_the_name(string path, string exchange, string symbol, string timeframe)
    {
        var (e, s, t) = ValidateCommand.InferFromPath(path);

        Assert.Equal((exchange, symbol, timeframe), (e, s, t?.ToString()));
    }

    [Theory]
    [InlineData("/tmp/x/USDCUSD-1m.csv", null, "USDC/USD", "1m")]
    [InlineData("candles/kraken/prices.csv", "kraken", null, null)]
    [InlineData("candles/kraken/FOO-1m.csv", "kraken", null, "1m")]
    [InlineData("candles/kraken/A-B-C-1m.csv", "kraken", null, "1m")]
    public void InferFromPath_should_leave_out_what_the_path_does_not_say(string path, string? exchange, string? symbol, string? timeframe)
    {
        var (e, s, t) = ValidateCommand.InferFromPath(path);

        Assert.Equal((exchange, symbol, timeframe), (e, s, t?.ToString()));
    }

    [Theory]
    [InlineData("USDCUSDT", "USDC/USDT")]
    [InlineData("USDCUSD", "USDC/USD")]
    [InlineData("USDTUSD", "USDT/USD")]
    [InlineData("XBTUSD", "BTC/USD")]
    [InlineData("ethbtc", "ETH/BTC")]
    [InlineData("XDGEUR", "DOGE/EUR")]
    [InlineData("USD", null)]
    [InlineData("ABCXYZ", null)]
    public void NormaliseSymbol_should_split_a_pair_at_the_longest_known_quote(string pair, string? symbol)
    {
        Assert.Equal(symbol, ValidateCommand.NormaliseSymbol(pair));
    }

    [Fact]
    public void ReadFile_should_keep_every_parsable_row_with_its_line_and_report_the_others_with_the_reason()
    {
        var path = Write("plain.csv",
            $"{CsvCandleSource.Header}\n1677628800000,1,1,1,1,5\n1677628800000,1,1,1,1,5\n1677628860000,1,1,1\n1677628920000,1,1,1,1,5\r\n-5,1,1,1,1,5\n1677628980000,1,1,1.00000000001,1,5\n\n1677629040000,1,1,1,1,5");

        var (rows, unreadable) = ValidateCommand.ReadFile(path);

        Assert.Equal([(2, 1677628800000L), (3, 1677628800000L), (5, 1677628920000L), (9, 1677629040000L)], rows.Select(r => (r.Line!.Value, r.TimeMs)));
        Assert.Equal(
            [(4, "wrong column count (expected 6, got 4)"), (6, DataProblems.UnparsableTimestamp), (7, "unparsable price (low)"), (8, "wrong column count (expected 6, got 1)")],
            unreadable.Select(u => (u.Line, u.Reason)));
        Assert.Equal("1677628860000,1,1,1", unreadable[0].Text);
    }

    [Fact]
    public void ReadFile_should_read_a_gzip_file_whatever_its_name_and_keep_only_rows_in_the_window()
    {
        var path = Path.Combine(_dir, "candles.csv");
        using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        using (var writer = new StreamWriter(gzip))
        {
            writer.Write($"{CsvCandleSource.Header}\n1677628800000,1,1,1,1,5\n1677628860000,0.9999,1,0.9998,1,2.5\n1677628920000,1,1,1,1,5\n");
        }

        var (rows, unreadable) = ValidateCommand.ReadFile(path, fromMs: 1677628860000, toMs: 1677628920000);

        var row = Assert.Single(rows);
        Assert.Equal((3, Price.Parse("0.9999"), Price.Parse("0.9998"), 2.5), (row.Line!.Value, row.Open, row.Low, row.Volume));
        Assert.Empty(unreadable);
    }

    [Fact]
    public void ReadFile_should_refuse_a_file_without_the_candle_header()
    {
        var path = Write("ticks.csv", "timestamp_utc_ms,trade_id,price,qty,taker_side\n");

        var e = Assert.Throws<DataFormatException>(() => ValidateCommand.ReadFile(path));

        Assert.Equal(1, e.Line);
        Assert.StartsWith("unexpected header", e.Reason, StringComparison.Ordinal);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }
}
