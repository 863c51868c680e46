using System.Diagnostics;
using System.Globalization;
using ActorArb.Actors.Tests.Persistence.Postgres;
using ActorArb.Domain.Market;
using ActorArb.Host.Tests.Commands;
using ActorArb.Simulator;

namespace ActorArb.Host.Tests.Live;

/// <summary>
/// <c>actorarb run</c> as a real child process against the exchange simulator (Kraken's WebSocket v2 and REST on
/// loopback) with PostgreSQL: it streams trades into candles and the trading chain, stops cleanly on SIGTERM
/// (checkpoint, journal flushed, exit 0), and a restart with the same run id resumes its chain from the checkpoint and
/// continues every event stream without gaps or duplicates.
/// </summary>
public sealed class RunCommandSpecs : IClassFixture<PostgresServer>, IDisposable
{
    private const string RunId = "live-spec";
    private readonly PostgresServer _server;
    private readonly string _dir = Directory.CreateTempSubdirectory("actorarb-run-").FullName;

    public RunCommandSpecs(PostgresServer server) => _server = server;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Run_should_stream_into_candles_stop_on_sigterm_and_resume_from_its_checkpoint()
    {
        var instrument = new InstrumentId("kraken", "USDC/USD");
        await using var simulator = await ExchangeSimulator.StartAsync(new SimulatorOptions
        {
            Feeds = [SimulatorFeed.FromTicks("kraken", "USDC/USD", Ticks(instrument, 6_000))],
            StartPaused = true,
            TicksPerSecond = 1_000,
            HeartbeatInterval = TimeSpan.FromMilliseconds(500),
        });
        var config = Path.Combine(_dir, "run.hocon");
        await File.WriteAllTextAsync(config, await File.ReadAllTextAsync(BacktestCommandSpecs.FindRepoFile("config.hocon")) + $$"""

            backtest.candles.allowed-lateness = 10m
            feeds.kraken { enabled = true, flavour = kraken, symbols = ["USDC/USD"], websocket-url = "{{simulator.WebSocketUri("kraken")}}", rest-url = "{{simulator.RestUri("kraken")}}" }
            persistence.postgres.schema = live
            """);

        using (var first = Start(config))
        {
            var started = await WaitForLineAsync(first, "chains resumed");
            await SubscribedAsync(simulator);
            simulator.Resume();
            while (simulator.Counters.PublishedTrades.GetValueOrDefault(instrument) < 2_500)
            {
                await Task.Delay(50);
            }

            simulator.Pause();
            var output = await TerminateAsync(first);
            Assert.Contains("0 of 1 chains resumed", started, StringComparison.Ordinal);
            Assert.Contains("1 chains checkpointed", output, StringComparison.Ordinal);
        }

        string secondOutput;
        using (var second = Start(config))
        {
            var started = await WaitForLineAsync(second, "chains resumed");
            await SubscribedAsync(simulator);
            simulator.Resume();
            await simulator.PublishedAll;
            await Task.Delay(1_000);
            secondOutput = await TerminateAsync(second);
            Assert.Contains("1 of 1 chains resumed", started, StringComparison.Ordinal);
        }

        var stream = $"{RunId}/candles/{instrument}";
        var minutes = await _server.RowsAsync($"select (data->'candle'->>'openTimeMs')::bigint from live.events where stream_id = '{stream}' and data->'candle'->>'timeframe' = '1m' order by version");
        var candles = await _server.ScalarAsync($"select count(*) from live.events where stream_id = '{stream}' and data->'candle'->>'timeframe' = '1m'");
        Assert.True(candles > 60, $"an hour and more of 1m candles, got {candles}: {secondOutput}");
        Assert.True(minutes.Select(long.Parse).Zip(minutes.Skip(1).Select(long.Parse), (a, b) => b - a).All(step => step > 0 && step % 60_000 == 0), "the second run's candles follow the first run's, in order, none twice");
        Assert.Equal(2, await _server.ScalarAsync($"select count(*) from live.events where stream_id = '{RunId}/checkpoints/{instrument}'"));
        Assert.True(await _server.ScalarAsync($"select count(*) from live.events where stream_id = '{RunId}/feeds/kraken' and type = 'FeedConnectionChanged'") >= 2);
        Assert.Equal(0, await _server.ScalarAsync("select count(*) from (select stream_id from live.events group by stream_id having max(version) <> count(*)) gaps"));
        Assert.Equal(0, await _server.ScalarAsync($"select count(*) from (select data->'candle'->>'openTimeMs', data->'candle'->>'timeframe' from live.events where stream_id = '{stream}' group by 1, 2 having count(*) > 1) twice"));
    }

    /// <summary>Ticks about a second apart around the peg with contiguous ids.</summary>
    private static List<TradeTick> Ticks(InstrumentId instrument, int count)
    {
        var random = new Random(3);
        var price = 10_000;
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            price = Math.Clamp(price + random.Next(-4, 5), 9_950, 10_050);
            return new TradeTick(instrument, 1_678_000_000_000 + (i * 1_000L), new Price(price * 100_000L), 100, i % 2 == 0 ? Side.Buy : Side.Sell, (40_000_000 + i).ToString(CultureInfo.InvariantCulture));
        })];
    }

    /// <summary>Waits until the run's feed has connected, and a moment for its subscription to be acknowledged.</summary>
    private static async Task SubscribedAsync(ExchangeSimulator simulator)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (simulator.OpenConnections == 0 && DateTime.UtcNow < until)
        {
            await Task.Delay(50);
        }

        await Task.Delay(500);
    }

    private Process Start(string config)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "actorarb.dll"), "run", "--config", config, "--store", "postgres", "--run-id", RunId, "--stale-after", "5s", "--quiet" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ACTORARB_PG"] = _server.ConnectionString;
        return Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
    }

    private static async Task<string> WaitForLineAsync(Process process, string text)
    {
        while (await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)) is { } line)
        {
            if (line.Contains(text, StringComparison.Ordinal))
            {
                return line;
            }
        }

        throw new InvalidOperationException($"the run ended before printing \"{text}\": {await process.StandardError.ReadToEndAsync()}");
    }

    private static async Task<string> TerminateAsync(Process process)
    {
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        var all = await output;
        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {all}{await error}");
        Assert.Contains("stopped:", all, StringComparison.Ordinal);
        return all;
    }
}
