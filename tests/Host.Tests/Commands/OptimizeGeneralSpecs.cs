using System.Globalization;
using System.Text.Json;

namespace ActorArb.Host.Tests.Commands;

/// <summary>
/// <c>actorarb optimize</c> in general mode through the real CLI: the backtest's own strategy (swing here) over a grid of
/// its config keys and timeframes, and the best combination re-run by <c>actorarb backtest</c> with the same settings
/// ends with the same final equity, to the bit.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class OptimizeGeneralSpecs : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("actorarb-general-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task General_mode_should_find_a_best_that_the_backtest_reproduces()
    {
        var config = WriteConfig("""
            backtest.source.synthetic.days = 20
            backtest.strategy { type = swing, swing.reversal-pct = 0.4 }
            optimize { mode = general, timeframes = [1m, 1h], general.parameters { swing.reversal-pct { from = 0.1, to = 1.0, step = 0.1 } } }
            """);

        var (code, output, _) = await CliRunner.RunAsync("optimize", "--config", config, "--out", _dir, "--quiet");

        Assert.Equal(0, code);
        var lines = File.ReadAllLines(Path.Combine(_dir, "grid.csv"));
        Assert.StartsWith("timeframe,swing.reversal-pct,final_equity,", lines[0], StringComparison.Ordinal);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(20, rows.Count);
        Assert.Equal(10, rows.Count(r => r[0] == "1h"));
        var best = rows.Where(r => r[^1] == "1").MaxBy(r => double.Parse(r[2], CultureInfo.InvariantCulture))!;
        Assert.Contains($"timeframe={best[0]} swing.reversal-pct={best[1]}", output, StringComparison.Ordinal);
        Assert.Contains("recorded OptimizationCompleted", output, StringComparison.Ordinal);
        Assert.Contains("Objective over timeframe × swing.reversal-pct", await File.ReadAllTextAsync(Path.Combine(_dir, "report.html")), StringComparison.Ordinal);

        var replay = WriteConfig($$"""
            backtest.source.synthetic.days = 20
            backtest.strategy { type = swing, timeframe = {{best[0]}}, swing.reversal-pct = {{best[1]}} }
            """);
        var backtestDir = Path.Combine(_dir, "backtest");
        var (backtestCode, _, _) = await CliRunner.RunAsync("backtest", "--config", replay, "--out", backtestDir, "--quiet");
        Assert.Equal(0, backtestCode);
        using var result = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(backtestDir, "result.json")));
        var metrics = result.RootElement.GetProperty("metrics");
        Assert.Equal(double.Parse(best[2], CultureInfo.InvariantCulture), metrics.GetProperty("final_equity").GetDouble());
        Assert.Equal(best[4], metrics.GetProperty("trades").GetInt32().ToString(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("optimize.general.parameters.swing.reversl-pct = [0.1, 0.2]", "reversl-pct")]
    [InlineData("optimize.general.parameters.swing.reversal-pct = [0.1, 200]", "reversal-pct")]
    [InlineData("optimize.general.parameters.timeframe = [1h]", "optimize.timeframes")]
    [InlineData("optimize.general.parameters {}", "give at least one strategy key")]
    public async Task General_mode_should_exit_with_a_config_error_naming_the_bad_parameter(string extra, string message)
    {
        var config = WriteConfig("backtest.source.synthetic.days = 2\nbacktest.strategy.type = swing\noptimize.mode = general\n" + extra);

        var (code, _, error) = await CliRunner.RunAsync("optimize", "--config", config, "--out", _dir, "--quiet");

        Assert.Equal(3, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, "grid.csv")));
    }

    private string WriteConfig(string extra)
    {
        var path = Path.Combine(_dir, $"config-{Guid.NewGuid():N}.hocon");
        File.WriteAllText(path, File.ReadAllText(BacktestCommandSpecs.FindRepoFile("config.hocon")) + "\n" + extra + "\n");
        return path;
    }
}
