using ActorArb.Host.Tests.Commands;

namespace ActorArb.Host.Tests.Bench;

/// <summary>
/// <c>actorarb bench live</c> through the real CLI, small: the throughput and latency passes and a short soak with
/// drops. No timing is asserted; the checks are that every candle was timed and that nothing was lost.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class LiveBenchSpecs
{
    [Fact]
    public async Task Bench_live_should_time_every_candle_and_store_what_the_source_makes_at_full_speed_and_paced()
    {
        // 5,000 trades 250 ms apart from 20 s into a minute span 1,250 s: 21 bars closed by a trade in each pass.
        var (code, output, error) = await CliRunner.RunAsync("bench", "live", "--ticks", "5000", "--flavour", "binance", "--warm-up", "1s");

        Assert.True(code == 0, output + error);
        Assert.Matches(@"full speed +[\d,]+ ticks/s sustained +tick → persisted CandleClosed latency p50 [\d.]+ ms, p99 [\d.]+ ms, max [\d.]+ ms over 21 candles", output);
        Assert.Matches(@"at 50,000 ticks/s +[\d,]+ ticks/s sustained +tick → persisted CandleClosed latency p50 [\d.]+ ms, p99 [\d.]+ ms, max [\d.]+ ms over 21 candles", output);
        Assert.Contains("5,000 of 5,000 ticks routed", output, StringComparison.Ordinal);
        Assert.Contains("= built from the source: PASS", output, StringComparison.Ordinal);
        Assert.EndsWith("bench live: PASS" + Environment.NewLine, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bench_live_soak_should_deliver_every_trade_once_through_periodic_disconnects()
    {
        var (code, output, error) = await CliRunner.RunAsync("bench", "live", "--duration", "5s", "--drop-every", "1s", "--rate", "1000", "--flavour", "coinbase-exchange");

        Assert.True(code == 0, output + error);
        Assert.Matches(@"reconnects [1-9]\d*, gaps [1-9]\d*, refilled [1-9][\d,]*", output);
        Assert.Contains("holding 5,000 trades of 5,000 (0 missing, 0 extra); equal to the candles built from the source ticks: PASS", output, StringComparison.Ordinal);
        Assert.EndsWith("bench live: PASS" + Environment.NewLine, output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--drop-every 2s", "--drop-every belongs to a soak")]
    [InlineData("--duration 5s --ticks 5000", "leave out --ticks")]
    [InlineData("--duration 5s --warm-up 2s", "--warm-up belongs to the throughput and latency passes")]
    [InlineData("--flavour bitfinex", "unknown --flavour \"bitfinex\"")]
    [InlineData("--store mysql", "--store is memory or postgres")]
    public async Task Bench_live_should_refuse_options_that_do_not_fit(string options, string message)
    {
        var (code, _, error) = await CliRunner.RunAsync(["bench", "live", .. options.Split(' ')]);

        Assert.Equal(2, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }
}
