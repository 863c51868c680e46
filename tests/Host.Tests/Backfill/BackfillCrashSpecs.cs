using System.Diagnostics;
using System.Globalization;
using ActorArb.Actors.Tests.Persistence.Postgres;
using ActorArb.Simulator;
using static ActorArb.Host.Tests.Backfill.BackfillKit;

namespace ActorArb.Host.Tests.Backfill;

/// <summary>
/// <c>actorarb backfill</c> as a real child process against a simulator that rate-limits it, killed with SIGKILL
/// mid-run and run again, must end exactly as an uninterrupted run in another schema: the same candles and the same
/// backfill stream (ids, versions, payloads), none twice or missing.
/// </summary>
public sealed class BackfillCrashSpecs(PostgresServer server) : IClassFixture<PostgresServer>, IDisposable
{
    private const string Venue = "coinbase";
    private const string Symbol = "USDC/USD";
    private readonly string _dir = Directory.CreateTempSubdirectory("actorarb-backfill-crash-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Backfill_should_end_as_an_uninterrupted_run_when_killed_mid_run_and_run_again()
    {
        // About 85 hours of minutes: 18 windows of 300 bars, at most 3 requests a second, a 429 for each one above.
        var ticks = Market(Venue, Symbol, 15_000);
        await using var sim = await PublishedAsync(Venue, Symbol, ticks, SimulatorFaults.None with { RestMaxRequestsPerSecond = 3, RetryAfter = TimeSpan.FromSeconds(1) });
        var to = LastMinute(ticks);

        using (var crashed = Start("crashed", sim, to))
        {
            while (await server.ScalarAsync("select count(*) from crashed.events") < 1_000)
            {
                if (crashed.HasExited)
                {
                    Assert.Fail($"the run ended before its first batch: exit {crashed.ExitCode}: {await crashed.StandardError.ReadToEndAsync()}");
                }

                await Task.Delay(20);
            }

            crashed.Kill();
            await crashed.WaitForExitAsync();
        }

        var storedAtKill = await server.ScalarAsync("select count(*) from crashed.events");
        var resumedOutput = await RunToEndAsync("crashed", sim, to);
        await RunToEndAsync("clean", sim, to);

        var expected = Minutes(ticks, to);
        Assert.True(storedAtKill < expected.Count, $"the premise: the kill came mid-run ({storedAtKill} of {expected.Count} bars stored)");
        Assert.Contains($"{storedAtKill.ToString("N0", CultureInfo.InvariantCulture)} already present", resumedOutput, StringComparison.Ordinal);
        Assert.True(sim.Counters.RestRateLimited > 0, "the premise: the simulator refused requests above its rate");
        const string Candles = "select * from {0}.candles order by 1, 2, 3, 4";
        Assert.Equal(await server.RowsAsync(string.Format(Candles, "clean")), await server.RowsAsync(string.Format(Candles, "crashed")));
        Assert.Equal(expected.Count, (await server.RowsAsync(string.Format(Candles, "crashed"))).Count);
        const string Events = "select stream_id, version, event_id, type, data::text from {0}.events order by stream_id, version";
        Assert.Equal(await server.RowsAsync(string.Format(Events, "clean")), await server.RowsAsync(string.Format(Events, "crashed")));
    }

    private Process Start(string schema, ExchangeSimulator sim, long toMs)
    {
        var config = WriteConfig(_dir, schema);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "actorarb.dll"));
        foreach (var argument in Arguments(config, Venue, Symbol, StartMs, toMs, sim.RestUri(Venue)))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ACTORARB_PG"] = server.ConnectionString;
        return Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
    }

    private async Task<string> RunToEndAsync(string schema, ExchangeSimulator sim, long toMs)
    {
        using var process = Start(schema, sim, toMs);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        Assert.True(process.ExitCode == 0, $"{schema}: exit {process.ExitCode}: {await output}{await error}");
        return await output;
    }
}
