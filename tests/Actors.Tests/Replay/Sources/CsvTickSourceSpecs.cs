using System.IO.Compression;
using ActorArb.Actors.Replay.Sources;
using ActorArb.Domain.Market;

namespace ActorArb.Actors.Tests.Replay.Sources;

public sealed class CsvTickSourceSpecs : IDisposable
{
    internal const string Header = CsvTickSource.HeaderPrefix;
    private const string BinanceGz = "ticks/binance/BTCUSDT-spot-trades-20230405.csv.gz";

    internal static readonly Instrument Btc = new(new InstrumentId("binance", "BTC/USDT"), Price.Parse("0.01"));
    private readonly TempCsvFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public void CsvTickSource_should_read_as_many_ticks_as_a_gzip_file_has_data_lines()
    {
        if (SharedData.File(BinanceGz) is not { } path)
        {
            return;
        }

        using var source = new CsvTickSource(path, Btc, CsvSourceOptions.Default);
        var ticks = ReadAll(source);

        Assert.Equal(CountDataLines(path), ticks.Count);
        Assert.Equal(3_144, ticks.Count);
        Assert.Equal(new TradeTick(Btc.Id, 1_680_652_799_999, Price.Parse("28165.47"), 0.00056, Side.Sell, "3071245454"), ticks[0]);
        Assert.Empty(source.Quality.ProblemCounts);
        Assert.Equal(ticks.Count, source.EstimatedCount);
        Assert.Equal(SourceKind.Ticks, source.Kind);
        Assert.Equal($"csv ticks {path} (binance:BTC/USDT)", source.Description);
        Assert.Contains(ticks, t => t.AggressorSide == Side.Buy);
    }

    [Fact]
    public void CsvTickSource_should_ignore_the_extra_columns_of_an_aggtrades_file()
    {
        if (SharedData.File("ticks/binance/ETHUSDT-spot-aggtrades-20210404.csv") is not { } path)
        {
            return;
        }

        var eth = new Instrument(new InstrumentId("binance", "ETH/USDT"), Price.Parse("0.01"));
        using var source = new CsvTickSource(path, eth, CsvSourceOptions.Default);
        var ticks = ReadAll(source);

        Assert.Equal(506, ticks.Count);
        Assert.Equal(new TradeTick(eth.Id, 1_617_566_591_985, Price.Parse("2064.74"), 1.27218, Side.Buy, "291477091"), ticks[0]);
        Assert.Equal(0, source.Quality.RowsSkipped);
    }

    [Fact]
    public void CsvTickSource_should_refuse_a_file_whose_side_column_is_not_the_taker_side()
    {
        // Coinbase Advanced Trade reports the maker side as side_as_reported; reading it as taker_side would invert flow.
        var path = files.Write("coinbase.csv", "timestamp_utc_ms,trade_id,price,qty,side_as_reported,product_id", "1786309475346,1068571991,65090.99,0.00310335,buy,BTC-USD");

        var error = Assert.Throws<DataFormatException>(() => new CsvTickSource(path, Btc, CsvSourceOptions.Default));

        Assert.Equal(1, error.Line);
        Assert.Contains(Header, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CsvTickSource_should_accept_trades_sharing_a_millisecond_and_trades_without_ids()
    {
        var path = files.Write(
            "same-ms.csv",
            Header,
            "1000,,100.00,1,buy",
            "1000,,100.01,2,SELL",
            "1000,7,100.02,0.5,Buy",
            "1001,8,100.02,0,sell");
        using var source = new CsvTickSource(path, Btc, new CsvSourceOptions(BadRowPolicy.Stop));

        var ticks = ReadAll(source);

        Assert.Equal(["", "", "7", "8"], ticks.Select(t => t.TradeId));
        Assert.Equal([Side.Buy, Side.Sell, Side.Buy, Side.Sell], ticks.Select(t => t.AggressorSide));
        Assert.Equal([100.00m, 100.01m, 100.02m, 100.02m], ticks.Select(t => t.Price.ToDecimal()));
    }

    [Fact]
    public void CsvTickSource_should_deliver_only_the_time_window_when_from_and_to_are_set()
    {
        var path = files.Write("window.csv", Header, "1000,1,100,1,buy", "2000,2,100,1,buy", "2500,3,100,1,buy", "3000,4,100,1,buy", "4000,5,100,1,buy");
        using var source = new CsvTickSource(path, Btc, new CsvSourceOptions(FromMs: 2000, ToMs: 3000));

        var ticks = ReadAll(source);

        Assert.Equal(["2", "3"], ticks.Select(t => t.TradeId));
        Assert.Equal(2, source.Quality.RowsOutOfRange);
        Assert.Equal(4, source.Position);
        Assert.Equal(4, source.EstimatedCount);
    }

    [Fact]
    public void CsvTickSource_should_refuse_to_read_candles()
    {
        var path = files.Write("ticks.csv", Header, "1000,1,100,1,buy");
        using var source = new CsvTickSource(path, Btc, CsvSourceOptions.Default);

        Assert.Throws<InvalidOperationException>(() => source.ReadCandles([], 10));
        Assert.Throws<ArgumentNullException>(() => source.ReadTicks(null!, 10));
    }

    [Fact]
    public void CsvTickSource_should_estimate_exactly_when_a_small_file_fits_in_its_buffer()
    {
        var path = files.Write("small.csv", Header, "1000,1,100,1,buy", "2000,2,100,1,buy", "3000,3,100,1,buy");
        using var source = new CsvTickSource(path, Btc, CsvSourceOptions.Default);

        Assert.Equal(3, source.EstimatedCount);
        Assert.Equal(0, source.Position);
    }

    internal static List<TradeTick> ReadAll(HistoricalSource source)
    {
        var ticks = new List<TradeTick>();
        while (source.ReadTicks(ticks, 1_000) > 0)
        {
        }

        return ticks;
    }

    internal static int CountDataLines(string gzipPath)
    {
        using var file = File.OpenRead(gzipPath);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var lines = 0;
        while (reader.ReadLine() is not null)
        {
            lines++;
        }

        return lines - 1;
    }
}
