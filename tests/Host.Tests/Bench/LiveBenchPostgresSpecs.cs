using ActorArb.Actors.Tests.Persistence.Postgres;
using ActorArb.Host.Tests.Commands;

namespace ActorArb.Host.Tests.Bench;

/// <summary><c>actorarb bench live --store postgres</c> through the real CLI into a throwaway PostgreSQL server.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class LiveBenchPostgresSpecs(PostgresServer server) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task Bench_live_should_time_candles_persisted_to_postgres_and_drop_its_scratch_schema()
    {
        var (code, output, error) = await CliRunner.RunAsync("bench", "live", "--ticks", "3000", "--rate", "20000", "--warm-up", "0", "--flavour", "kraken", "--store", "postgres", "--connection", server.ConnectionString);

        Assert.True(code == 0, output + error);
        Assert.Contains("PostgreSQL store", output, StringComparison.Ordinal);
        Assert.Matches(@"at 20,000 ticks/s +[\d,]+ ticks/s sustained +tick → persisted CandleClosed latency p50 [\d.]+ ms, p99 [\d.]+ ms, max [\d.]+ ms over 12 candles", output);
        Assert.EndsWith("bench live: PASS" + Environment.NewLine, output, StringComparison.Ordinal);
        Assert.Equal(0, await server.ScalarAsync("select count(*) from information_schema.schemata where schema_name = 'actorarb_bench_live'"));
    }
}
