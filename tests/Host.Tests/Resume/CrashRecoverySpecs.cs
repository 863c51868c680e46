using System.Diagnostics;
using ActorArb.Actors.Tests.Persistence.Postgres;
using ActorArb.Host.Tests.Commands;

namespace ActorArb.Host.Tests.Resume;

/// <summary>
/// <c>actorarb backtest --store postgres</c> as a real child process, killed with SIGKILL mid-run and run again with
/// <c>--resume</c>, must end exactly as an uninterrupted run of the same run id in another schema: the same
/// result.json, the same candles, and the same event streams (ids, versions, types, payloads), none twice or missing.
/// </summary>
public sealed class CrashRecoverySpecs : IClassFixture<PostgresServer>, IDisposable
{
    private const string RunId = "crash";
    private readonly PostgresServer _server;
    private readonly string _dir = Directory.CreateTempSubdirectory("actorarb-crash-").FullName;

    public CrashRecoverySpecs(PostgresServer server) => _server = server;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Backtest_should_end_as_an_uninterrupted_run_when_killed_mid_run_and_resumed()
    {
        using var crashed = Start("crashed", resume: false);
        while (await _server.ScalarAsync($"select count(*) from crashed.events where stream_id = '{RunId}/checkpoints'") < 2)
        {
            Assert.False(crashed.HasExited, "the run ended before its second checkpoint");
            await Task.Delay(20);
        }

        crashed.Kill();
        await crashed.WaitForExitAsync();
        var storedAtKill = await _server.ScalarAsync("select count(*) from crashed.events");

        await RunToEndAsync("crashed", resume: true);
        await RunToEndAsync("clean", resume: false);

        var cleanTotal = await _server.ScalarAsync("select count(*) from clean.events");
        Assert.True(storedAtKill < cleanTotal, $"the premise: the kill came mid-run ({storedAtKill} of {cleanTotal} events stored)");
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(_dir, "clean", "result.json")), await File.ReadAllBytesAsync(Path.Combine(_dir, "crashed", "result.json")));
        const string Events = "select stream_id, version, event_id, type, data::text from {0}.events order by stream_id, version";
        Assert.Equal(await _server.RowsAsync(string.Format(Events, "clean")), await _server.RowsAsync(string.Format(Events, "crashed")));
        const string Candles = "select * from {0}.candles order by 1, 2, 3, 4";
        Assert.Equal(await _server.RowsAsync(string.Format(Candles, "clean")), await _server.RowsAsync(string.Format(Candles, "crashed")));
        Assert.Equal(0, await _server.ScalarAsync("select count(*) from (select stream_id from crashed.events group by stream_id having max(version) <> count(*)) gaps"));
    }

    private Process Start(string schema, bool resume)
    {
        var config = Path.Combine(_dir, schema + ".hocon");
        File.WriteAllText(config, File.ReadAllText(BacktestCommandSpecs.FindRepoFile("config.hocon"))
            + $"\nbacktest.source.synthetic.days = 120\npersistence.postgres.schema = {schema}\n");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "actorarb.dll"), "backtest", "--config", config, "--store", "postgres", "--run-id", RunId, "--out", Path.Combine(_dir, schema), "--quiet", "--checkpoint-every", "4" })
        {
            start.ArgumentList.Add(arg);
        }

        if (resume)
        {
            start.ArgumentList.Add("--resume");
        }

        start.Environment["ACTORARB_PG"] = _server.ConnectionString;
        return Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
    }

    private async Task RunToEndAsync(string schema, bool resume)
    {
        using var process = Start(schema, resume);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        Assert.True(process.ExitCode == 0, $"{schema}: exit {process.ExitCode}: {await output}{await error}");
    }
}
