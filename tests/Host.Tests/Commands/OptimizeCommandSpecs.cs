using System.Globalization;

namespace ActorArb.Host.Tests.Commands;

/// <summary><c>actorarb optimize</c> end to end through the real CLI: config in, ranking, grid.csv and report.html out.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class OptimizeCommandSpecs : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("actorarb-optimize-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Optimize_should_find_the_known_global_maximum_of_the_synthetic_year()
    {
        if (!SharedData.TryGet("synthetic/usdc-ou-seed42-1m-525600.csv.gz", out var series))
        {
            return;
        }

        var config = WriteConfig("");
        var (code, output, _) = await CliRunner.RunAsync("optimize", "--config", config, "--path", series, "--timeframes", "1m", "--fee", "0.001", "--slippage", "0", "--no-walk-forward", "--out", _dir, "--quiet");

        Assert.Equal(0, code);
        var rows = File.ReadAllLines(Path.Combine(_dir, "grid.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(10_000, rows.Count);
        var best = rows.MaxBy(r => double.Parse(r[3], CultureInfo.InvariantCulture))!;
        Assert.Equal(["1m", "0.9973", "1.0021", "1.2691373509470525", "84", "0.008888445021472185"], best[..6]);
        Assert.Equal(257_769, rows.Sum(r => int.Parse(r[4], CultureInfo.InvariantCulture)));
        Assert.Contains("   1  1m    0.9973   1.0021   1.2691373509470525      84", output, StringComparison.Ordinal);
        Assert.Contains("recorded OptimizationCompleted", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Optimize_should_rank_timeframes_and_write_the_heat_map_and_walk_forward_from_the_default_config()
    {
        var config = WriteConfig("backtest.source.synthetic.days = 20\noptimize.buy { from = 0.9950, to = 0.9999, step = 0.0001 }\noptimize.sell { from = 1.0001, to = 1.0040, step = 0.0001 }");

        var (code, output, _) = await CliRunner.RunAsync("optimize", "--config", config, "--out", _dir, "--quiet");

        Assert.Equal(0, code);
        var rows = File.ReadAllLines(Path.Combine(_dir, "grid.csv")).Skip(1).ToList();
        Assert.Equal(4 * 50 * 40, rows.Count);
        foreach (var timeframe in new[] { "1m", "1h", "4h", "1d" })
        {
            Assert.Equal(2_000, rows.Count(r => r.StartsWith(timeframe + ",", StringComparison.Ordinal)));
        }

        var html = await File.ReadAllTextAsync(Path.Combine(_dir, "report.html"));
        Assert.Contains("Objective over buy × sell", html, StringComparison.Ordinal);
        Assert.Contains("Walk-forward on", html, StringComparison.Ordinal);
        Assert.Contains("hindsight bound", output, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("optimize.buy = [0.99995]", "optimize.buy: 0.99995 is not a multiple of the tick size 0.0001")]
    [InlineData("optimize.objective = profit", "optimize.objective")]
    [InlineData("optimize.timeframes = [90s]", "optimize.timeframes: 90s is not a whole multiple of the source's 1m bars")]
    [InlineData("optimize.constraints.max-drop = 0.1", "max-drop")]
    public async Task Optimize_should_exit_with_a_config_error_naming_the_bad_setting(string extra, string message)
    {
        var config = WriteConfig("backtest.source.synthetic.days = 2\n" + extra);

        var (code, _, error) = await CliRunner.RunAsync("optimize", "--config", config, "--out", _dir, "--quiet", "--no-walk-forward");

        Assert.Equal(3, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, "grid.csv")));
    }

    private string WriteConfig(string extra)
    {
        var path = Path.Combine(_dir, "config.hocon");
        File.WriteAllText(path, File.ReadAllText(BacktestCommandSpecs.FindRepoFile("config.hocon")) + "\n" + extra + "\n");
        return path;
    }
}
