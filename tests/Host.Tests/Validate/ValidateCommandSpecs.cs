using System.Text.Json;
using ActorArb.Host.Tests.Commands;
using static ActorArb.Host.Tests.Commands.CliRunner;

namespace ActorArb.Host.Tests.Validate;

/// <summary><c>actorarb validate</c> end to end: files or a config in, validation.json, validation.html and the console summary out.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ValidateCommandSpecs : IDisposable
{
    private const string Header = "timestamp_utc_ms,open,high,low,close,volume";
    private readonly string _dir = Directory.CreateTempSubdirectory("actorarb-validate-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Validate_should_find_the_kraken_gaps_and_the_march_2023_depeg_divergence_in_the_real_files()
    {
        if (!SharedData.TryGet("candles/kraken/USDCUSD-1m-20230301-20230321.csv", out var krakenUsd)
            || !SharedData.TryGet("candles/kraken/USDCUSDT-1m-20230301-20230321.csv.gz", out var krakenUsdt)
            || !SharedData.TryGet("candles/binance/USDCUSDT-1m-20230301-20230321.csv", out var binanceUsdt))
        {
            return;
        }

        var (code, output, error) = await RunAsync("validate", krakenUsd, binanceUsdt, "--path", krakenUsdt, "--out", _dir);

        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(_dir, "validation.json")));
        var series = json.RootElement.GetProperty("series").EnumerateArray().ToList();
        Assert.Equal(["kraken:USDC/USD", "binance:USDC/USDT", "kraken:USDC/USDT"], series.Select(s => s.GetProperty("instrument").GetString()));

        // PROVENANCE.md: 20,934 rows, 4,573 gaps (no-trade stretches) between 03-01 00:00 and 03-21 23:58.
        var kraken = series[0];
        Assert.Equal(20_934, kraken.GetProperty("bars").GetInt32());
        var gaps = kraken.GetProperty("gaps");
        Assert.Equal(4_573, gaps.GetProperty("count").GetInt32());
        Assert.Equal(30_239 - 20_934, gaps.GetProperty("missing_bars").GetInt32());
        Assert.Equal(19, gaps.GetProperty("longest_bars").GetInt32());
        Assert.Equal("warn", kraken.GetProperty("verdict").GetString());
        Assert.Equal(0, kraken.GetProperty("counts").GetProperty("high-below-body").GetInt32());
        Assert.Contains(kraken.GetProperty("findings").EnumerateArray(), f => f.GetProperty("kind").GetString() == "close-outlier" && f.GetProperty("time").GetString()!.StartsWith("2023-03-11", StringComparison.Ordinal));

        // Binance's idle pair: a complete grid of mostly zero-volume bars.
        Assert.Equal(0, series[1].GetProperty("gaps").GetProperty("count").GetInt32());
        Assert.True(series[1].GetProperty("counts").GetProperty("stale-run").GetInt32() > 0);

        var pair = Assert.Single(json.RootElement.GetProperty("divergence").EnumerateArray());
        Assert.Equal(("binance:USDC/USDT", "kraken:USDC/USDT"), (pair.GetProperty("first").GetString(), pair.GetProperty("second").GetString()));
        var longest = pair.GetProperty("longest_run");
        Assert.StartsWith("2023-03-11", longest.GetProperty("time").GetString(), StringComparison.Ordinal);
        Assert.True(longest.GetProperty("bars").GetInt32() >= 100);
        Assert.Equal("warn", json.RootElement.GetProperty("verdict").GetString());

        var html = await File.ReadAllTextAsync(Path.Combine(_dir, "validation.html"));
        Assert.Contains("Divergence binance:USDC/USDT / kraken:USDC/USDT − 1", html, StringComparison.Ordinal);
        Assert.Contains("Longest gaps (20 of 4,573)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.Contains("gaps 4,573 (9,305 missing bars, longest 19)", output, StringComparison.Ordinal);
        Assert.Contains("binance:USDC/USDT vs kraken:USDC/USDT 1m:", output, StringComparison.Ordinal);
        Assert.Contains("verdict: WARN", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_should_exit_4_and_name_the_file_and_line_of_each_bad_row()
    {
        var path = WriteCandles("kraken", "USDCUSD-1m-bad.csv",
            "1677628800000,1,1,1,1,5",
            "1677628860000,1,1,1,1,5",
            "1677628920000,1,0.999,0.99,0.995,5",
            "1677628980000,1,1,1,1,x",
            "1677628980000,1,1,1,1,5");

        var (code, output, error) = await RunAsync("validate", "--path", path, "--out", _dir, "--quiet");

        Assert.Equal(4, code);
        Assert.Contains($"{path}:4: high-below-body: high 0.999 below max(open 1, close 0.995)", output, StringComparison.Ordinal);
        Assert.Contains($"{path}:5: unreadable: unparsable volume: 1677628980000,1,1,1,1,x", output, StringComparison.Ordinal);
        Assert.Contains("validation failed: 1 of 1 series", error, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(_dir, "validation.json")));
        Assert.Equal("fail", json.RootElement.GetProperty("verdict").GetString());
        Assert.True(File.Exists(Path.Combine(_dir, "validation.html")));
    }

    [Fact]
    public async Task Validate_should_exit_4_naming_line_1_when_the_header_is_wrong()
    {
        var path = Path.Combine(_dir, "odd.csv");
        await File.WriteAllTextAsync(path, "time,o,h,l,c,v\n1677628800000,1,1,1,1,5\n");

        var (code, _, error) = await RunAsync("validate", path, "--exchange", "kraken", "--symbol", "USDC/USD", "--timeframe", "1m", "--out", _dir);

        Assert.Equal(4, code);
        Assert.Contains($"{path}:1: unexpected header", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--stale-bars", "1", "--stale-bars: ValidationOptions.StaleBars must be at least 2.")]
    [InlineData("--outliers", "highs", "--outliers: expected both, returns or closes")]
    [InlineData("--colour", "red", "validate: unknown option --colour")]
    public async Task Validate_should_exit_2_on_a_bad_option(string option, string value, string message)
    {
        var path = WriteCandles("kraken", "USDCUSD-1m-x.csv", "1677628800000,1,1,1,1,5");

        var (code, _, error) = await RunAsync("validate", path, option, value, "--out", _dir);

        Assert.Equal(2, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_should_exit_2_when_the_exchange_cannot_be_told_from_the_path()
    {
        var path = WriteCandles("downloads", "USDCUSD-1m-x.csv", "1677628800000,1,1,1,1,5");

        var (code, _, error) = await RunAsync("validate", path, "--out", _dir);

        Assert.Equal(2, code);
        Assert.Contains($"cannot tell the exchange of {path}", error, StringComparison.Ordinal);
        Assert.Contains("give --exchange", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_should_read_the_backtest_source_of_a_config_when_no_file_is_given()
    {
        var csv = WriteCandles("anywhere", "bars.csv", "1677628800000,1,1,1,1,5", "1677628860000,1,1,1,1,5", "1677629040000,1,1,1,1,5");
        var config = Path.Combine(_dir, "config.hocon");
        await File.WriteAllTextAsync(config, File.ReadAllText(BacktestCommandSpecs.FindRepoFile("config.hocon"))
            + $"\nbacktest.source {{ kind = csv-candles, path = \"{csv}\", exchange = coinbase, symbol = \"USDT/USD\" }}\n");

        var (code, output, error) = await RunAsync("validate", "--config", config, "--out", _dir);

        Assert.True(code == 0, error);
        Assert.Contains("WARN  coinbase:USDT/USD 1m  bars.csv", output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(_dir, "validation.json")));
        var gap = Assert.Single(json.RootElement.GetProperty("series")[0].GetProperty("findings").EnumerateArray());
        Assert.Equal(("gap", 2, 4), (gap.GetProperty("kind").GetString(), gap.GetProperty("bars").GetInt32(), gap.GetProperty("line").GetInt32()));
    }

    [Fact]
    public async Task Validate_should_read_a_synthetic_backtest_source_through_its_candles()
    {
        var config = Path.Combine(_dir, "config.hocon");
        await File.WriteAllTextAsync(config, File.ReadAllText(BacktestCommandSpecs.FindRepoFile("config.hocon")) + "\nbacktest.source.synthetic.days = 2\n");

        var (code, output, error) = await RunAsync("validate", "--config", config, "--out", _dir);

        Assert.True(code == 0, error);
        Assert.Contains("synthetic:USDC/USD 1m", output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(_dir, "validation.json")));
        var series = json.RootElement.GetProperty("series")[0];
        Assert.Equal((2_880, 2_880, 0), (series.GetProperty("rows_read").GetInt32(), series.GetProperty("bars").GetInt32(), series.GetProperty("gaps").GetProperty("count").GetInt32()));
        Assert.NotEmpty(series.GetProperty("findings").EnumerateArray());
        Assert.All(series.GetProperty("findings").EnumerateArray(), f => Assert.Equal(JsonValueKind.Null, f.GetProperty("line").ValueKind));
    }

    [Fact]
    public async Task Validate_should_write_the_same_bytes_for_the_same_files()
    {
        var path = WriteCandles("binance", "USDCUSDT-1m-x.csv", "1677628800000,1,1,1,1,5", "1677628860000,1,1,1,1,0", "1677628980000,1,1.2,1,1.1,5");
        var first = Path.Combine(_dir, "a");
        var second = Path.Combine(_dir, "b");

        await RunAsync("validate", path, "--out", first, "--quiet");
        await RunAsync("validate", path, "--out", second, "--quiet");

        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(first, "validation.json")), await File.ReadAllBytesAsync(Path.Combine(second, "validation.json")));
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(first, "validation.html")), await File.ReadAllTextAsync(Path.Combine(second, "validation.html")));
    }

    private string WriteCandles(string folder, string name, params string[] rows)
    {
        var directory = Directory.CreateDirectory(Path.Combine(_dir, "candles", folder)).FullName;
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, Header + "\n" + string.Join("\n", rows) + "\n");
        return path;
    }
}
