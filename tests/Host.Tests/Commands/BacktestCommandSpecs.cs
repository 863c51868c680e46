using ActorArb.Host.Commands;

namespace ActorArb.Host.Tests.Commands;

/// <summary>The main job end to end: config file in, result.json and report.html out, through the real CLI.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class BacktestCommandSpecs : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("actorarb-backtest-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Backtest_should_write_byte_identical_results_when_run_twice_on_the_same_config()
    {
        var config = WriteConfig("backtest.source.synthetic.days = 10");

        Assert.Equal(0, await Cli.RunAsync(["backtest", "--config", config, "--out", Path.Combine(_dir, "a"), "--quiet"]));
        Assert.Equal(0, await Cli.RunAsync(["backtest", "--config", config, "--out", Path.Combine(_dir, "b"), "--quiet"]));

        var a = await File.ReadAllBytesAsync(Path.Combine(_dir, "a", "result.json"));
        var b = await File.ReadAllBytesAsync(Path.Combine(_dir, "b", "result.json"));
        Assert.True(a.Length > 1000);
        Assert.Equal(a, b);
        var html = await File.ReadAllTextAsync(Path.Combine(_dir, "a", "report.html"));
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("max drawdown", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backtest_should_echo_config_and_report_trades_metrics_and_regimes_in_result_json()
    {
        var config = WriteConfig("backtest.source.synthetic.days = 30");

        Assert.Equal(0, await Cli.RunAsync(["backtest", "--config", config, "--out", _dir, "--quiet"]));

        using var json = System.Text.Json.JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(_dir, "result.json")));
        var root = json.RootElement;
        Assert.Equal(30, root.GetProperty("config").GetProperty("source").GetProperty("synthetic").GetProperty("days").GetInt32());
        Assert.True(root.GetProperty("metrics").GetProperty("trades").GetInt32() > 0);
        Assert.True(root.GetProperty("trades").GetArrayLength() > 0);
        Assert.Contains(root.GetProperty("regimes").EnumerateArray(), r => r.GetProperty("to").GetString() == "DEPEG");
        Assert.Equal(30 * 1440, root.GetProperty("metrics").GetProperty("bars").GetInt32());
    }

    [Fact]
    public async Task Backtest_should_fail_with_file_and_line_when_a_row_is_bad_and_the_policy_is_stop()
    {
        var csv = Path.Combine(_dir, "bad.csv");
        await File.WriteAllTextAsync(csv, "timestamp_utc_ms,open,high,low,close,volume\n60000,1,1,1,1,5\n120000,1,0.9,1,1,5\n");
        var config = WriteConfig($"backtest.source {{ kind = csv-candles, path = \"{csv}\", bad-rows = stop }}");
        var error = new StringWriter();
        var saved = Console.Error;
        Console.SetError(error);
        try
        {
            Assert.Equal(4, await Cli.RunAsync(["backtest", "--config", config, "--out", _dir, "--quiet"]));
        }
        finally
        {
            Console.SetError(saved);
        }

        Assert.Contains("bad.csv:3:", error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, "result.json")));
    }

    [Fact]
    public async Task Backtest_should_exit_with_a_usage_error_when_an_option_is_unknown()
    {
        var config = WriteConfig("");
        Assert.Equal(2, await Cli.RunAsync(["backtest", "--config", config, "--frm", "2023-03-01"]));
    }

    [Fact]
    public async Task Backtest_should_name_the_key_and_exit_3_when_the_snapshot_interval_is_not_positive()
    {
        var config = WriteConfig("persistence.snapshot-every = 0");
        var (code, _, error) = await CliRunner.RunAsync("backtest", "--config", config, "--out", _dir, "--quiet");

        Assert.Equal(3, code);
        Assert.Contains("persistence.snapshot-every", error, StringComparison.Ordinal);
        Assert.Contains("at least 1", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, "result.json")));
    }

    private string WriteConfig(string extra)
    {
        var repoConfig = FindRepoFile("config.hocon");
        var path = Path.Combine(_dir, "config.hocon");
        File.WriteAllText(path, File.ReadAllText(repoConfig) + "\n" + extra + "\n");
        return path;
    }

    /// <summary>Returns a file at the repository root, found from the test binaries or from this source file.</summary>
    internal static string FindRepoFile(string name, [System.Runtime.CompilerServices.CallerFilePath] string thisFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(thisFile)! })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, name);
                if (File.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "ActorArb.sln")))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException($"{name} not found above {AppContext.BaseDirectory}");
    }
}
