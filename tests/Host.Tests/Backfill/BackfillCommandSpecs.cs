using ActorArb.Actors.Tests.Persistence.Postgres;
using ActorArb.Domain.Market;
using ActorArb.Host.Commands;
using ActorArb.Host.Tests.Commands;
using ActorArb.Simulator;
using static ActorArb.Host.Tests.Backfill.BackfillKit;

namespace ActorArb.Host.Tests.Backfill;

/// <summary><c>actorarb backfill</c> through the real CLI, against the simulator, into a real PostgreSQL.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class BackfillCommandSpecs(PostgresServer server) : IClassFixture<PostgresServer>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("actorarb-backfill-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("coinbase", "USDC/USD")]
    [InlineData("kraken", "USDC/USD")]
    [InlineData("binance", "USDC/USDT")]
    public async Task Backfill_should_store_the_sources_candles_despite_429s_and_write_nothing_when_run_again(string venue, string symbol)
    {
        // About 36 hours of minutes: at least three pages on every venue, more than two a second refused.
        var ticks = Market(venue, symbol, 6_500);
        await using var sim = await PublishedAsync(venue, symbol, ticks, SimulatorFaults.None with { RestRateLimitFraction = 0.2, RestMaxRequestsPerSecond = 2, RetryAfter = TimeSpan.FromSeconds(1) });
        var schema = server.NewSchemaName("cli_" + venue);
        var config = WriteConfig(_dir, schema, server.ConnectionString);
        var arguments = Arguments(config, venue, symbol.Replace('/', '-'), StartMs, LastMinute(ticks), sim.RestUri(venue));

        var (first, firstOutput, firstErrors) = await RunAsync(arguments);
        var (again, againOutput, _) = await RunAsync(arguments);

        var expected = Minutes(ticks, LastMinute(ticks));
        Assert.True(first == 0, firstOutput + firstErrors);
        Assert.Equal(expected, await CandleRowsAsync(schema, venue, symbol));
        Assert.Contains($"bars: {expected.Count:N0} expected, 0 already present", firstOutput, StringComparison.Ordinal);
        Assert.Contains($"stream backfill/candles/{venue}:{symbol}/1m", firstOutput, StringComparison.Ordinal);
        Assert.Matches(@"rest: [\d,]+ requests, [1-9][\d,]* retries, [1-9][\d,]* rate-limited", firstOutput);
        Assert.Equal(0, again);
        Assert.Contains($"bars: {expected.Count:N0} expected, {expected.Count:N0} already present, 0 fetched, 0 flat filled, 0 events written, 0 still missing", againOutput, StringComparison.Ordinal);
        Assert.Contains("rest: 0 requests", againOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backfill_should_exit_5_naming_the_venue_and_its_error_when_the_venue_refuses()
    {
        await using var sim = await PublishedAsync("coinbase", "USDC/USD", Market("coinbase", "USDC/USD", 50));
        var config = WriteConfig(_dir, server.NewSchemaName("cli_refused"), server.ConnectionString);

        var (code, _, errors) = await RunAsync(Arguments(config, "coinbase", "DOGE/USD", StartMs, StartMs + 3_600_000, sim.RestUri("coinbase")));

        Assert.Equal(BackfillCommand.VenueFailed, code);
        Assert.Contains($"coinbase REST GET {sim.RestUri("coinbase")}/products/DOGE-USD/candles", errors, StringComparison.Ordinal);
        Assert.Contains("HTTP 404: NotFound", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--store memory", "backfill writes to the PostgreSQL event store")]
    [InlineData("--exchange bitstamp", "--exchange: expected coinbase, kraken, binance")]
    [InlineData("--timeframe 2m", "--timeframe: coinbase serves candles of 1m, 5m, 15m, 1h, 6h, 1d, not 2m")]
    [InlineData("--from 2023-13-45", "--from: expected a UTC date")]
    [InlineData("--rest-url not-a-url", "--rest-url: expected an absolute http(s) URL")]
    [InlineData("--frm 2023-03-01", "backfill: unknown option --frm")]
    public async Task Backfill_should_exit_with_a_usage_error_naming_the_option(string option, string message)
    {
        var config = WriteConfig(_dir, server.NewSchemaName("cli_usage"), server.ConnectionString);
        var options = new Dictionary<string, string>
        {
            ["--config"] = config, ["--exchange"] = "coinbase", ["--symbol"] = "USDC/USD", ["--from"] = "2023-03-01", ["--to"] = "2023-03-02",
            ["--rest-url"] = "http://127.0.0.1:9/rest/coinbase",
        };
        var (name, value) = (option.Split(' ')[0], option.Split(' ')[1]);
        options[name] = value;

        var (code, _, errors) = await RunAsync(["backfill", .. options.SelectMany(o => new[] { o.Key, o.Value })]);

        Assert.Equal(2, code);
        Assert.Contains(message, errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backfill_should_exit_with_a_usage_error_when_no_start_is_given()
    {
        var config = WriteConfig(_dir, server.NewSchemaName("cli_nofrom"), server.ConnectionString);

        var (code, _, errors) = await RunAsync(["backfill", "--config", config, "--exchange", "kraken", "--symbol", "USDC/USD"]);

        Assert.Equal(2, code);
        Assert.Contains("backfill needs --from DATE", errors, StringComparison.Ordinal);
    }

    private static Task<(int Code, string Output, string Error)> RunAsync(string[] arguments) => CliRunner.RunAsync(arguments);

    private async Task<List<string>> CandleRowsAsync(string schema, string venue, string symbol)
    {
        await using var command = server.DataSource.CreateCommand(
            $"select open_time, open, high, low, close, flags from {schema}.candles where exchange = '{venue}' and symbol = '{symbol}' and timeframe = '1m' order by open_time");
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(Row(
                new DateTimeOffset(reader.GetDateTime(0)).ToUnixTimeMilliseconds(),
                Price.FromDecimal(reader.GetDecimal(1)),
                Price.FromDecimal(reader.GetDecimal(2)),
                Price.FromDecimal(reader.GetDecimal(3)),
                Price.FromDecimal(reader.GetDecimal(4)),
                (CandleFlags)reader.GetInt16(5)));
        }

        return rows;
    }
}
