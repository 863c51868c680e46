using System.Text.Json;

namespace ActorArb.Host.Tests.Commands;

/// <summary>
/// <c>actorarb backtest</c> with the spread strategy: several candle files replayed at once from the config, the same
/// result file byte for byte on a second run, and clear errors for legs that do not match the sources.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class SpreadBacktestSpecs : IDisposable
{
    private const long T0 = 1_700_000_040_000;
    private readonly string _dir = Directory.CreateTempSubdirectory("actorarb-spread-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Backtest_should_replay_every_source_and_write_the_same_result_twice_when_the_strategy_is_a_spread()
    {
        var config = Config(legs: "{ exchange = kraken, initial-units = 500 }, { exchange = binance, taker-fee-bps = 5, initial-units = 500 }");

        var (code, output, error) = await CliRunner.RunAsync("backtest", "--config", config, "--quiet");
        var first = await File.ReadAllBytesAsync(Path.Combine(_dir, "out", "result.json"));
        var (again, _, _) = await CliRunner.RunAsync("backtest", "--config", config, "--quiet");

        Assert.True(code == 0, error);
        Assert.Equal(0, again);
        Assert.Contains("result.json", output, StringComparison.Ordinal);
        Assert.Equal(first, await File.ReadAllBytesAsync(Path.Combine(_dir, "out", "result.json")));
        using var result = JsonDocument.Parse(first);
        var arbitrages = result.RootElement.GetProperty("arbitrages");
        Assert.Equal(2, result.RootElement.GetProperty("sources").GetArrayLength());
        Assert.Equal(result.RootElement.GetProperty("spread").GetProperty("arbitrages").GetInt64(), arbitrages.GetArrayLength());

        // Binance trades 40 bps below Kraken in the even minutes: every arbitrage buys there (5 bps fee) and sells on Kraken.
        Assert.Equal(30, arbitrages.GetArrayLength());
        Assert.All(arbitrages.EnumerateArray(), a => Assert.Equal(("binance:USDC/USD", "kraken:USDC/USD"), (a.GetProperty("buy").GetString(), a.GetProperty("sell").GetString())));
        Assert.Contains("<h1>ActorArb spread backtest", await File.ReadAllTextAsync(Path.Combine(_dir, "out", "report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backtest_should_name_the_leg_without_a_source_and_exit_3()
    {
        var config = Config(legs: "{ exchange = kraken, initial-units = 500 }, { exchange = coinbase, initial-units = 500 }");

        var (code, _, error) = await CliRunner.RunAsync("backtest", "--config", config, "--quiet");

        Assert.Equal(3, code);
        Assert.Contains("backtest.strategy.spread.legs", error, StringComparison.Ordinal);
        Assert.Contains("coinbase:USDC/USD", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backtest_should_name_a_leg_without_initial_units_and_exit_3()
    {
        var config = Config(legs: "{ exchange = kraken, initial-units = 500 }, { exchange = binance }");

        var (code, _, error) = await CliRunner.RunAsync("backtest", "--config", config, "--quiet");

        Assert.Equal(3, code);
        Assert.Contains("backtest.strategy.spread.legs[1].initial-units", error, StringComparison.Ordinal);
    }

    private string Config(string legs)
    {
        File.WriteAllLines(Path.Combine(_dir, "kraken.csv"), ["timestamp_utc_ms,open,high,low,close,volume", .. Enumerable.Range(0, 60).Select(m => $"{T0 + (m * 60_000L)},1.0000,1.0002,0.9998,1.0000,1000")]);
        File.WriteAllLines(Path.Combine(_dir, "binance.csv"), ["timestamp_utc_ms,open,high,low,close,volume", .. Enumerable.Range(0, 60).Select(m => $"{T0 + (m * 60_000L)},1.0000,1.0002,0.9958,{(m % 2 == 0 ? "0.9960" : "1.0000")},1000")]);
        var path = Path.Combine(_dir, "spread.hocon");
        File.WriteAllText(path, $$"""
            backtest {
              sources = [
                { kind = csv-candles, path = "kraken.csv", exchange = kraken, symbol = "USDC/USD" }
                { kind = csv-candles, path = "binance.csv", exchange = binance, symbol = "USDC/USD" }
              ]
              strategy {
                type = spread
                timeframe = 1m
                spread { legs = [ {{legs}} ], min-edge-bps = 1, slippage-buffer-bps = 1, max-units = 10 }
              }
              execution { taker-fee-bps = 10, slippage-bps = 1 }
              output.directory = "{{Path.Combine(_dir, "out").Replace("\\", "/", StringComparison.Ordinal)}}"
            }
            """);
        return path;
    }
}
