using ActorArb.Actors.Feeds.Rest;
using ActorArb.Domain.Market;
using ActorArb.Simulator;
using static ActorArb.Actors.Tests.Feeds.Rest.RestKit;

namespace ActorArb.Actors.Tests.Feeds.Rest;

/// <summary>The clients against a simulator that rate-limits and refuses requests the way each venue does.</summary>
public sealed class RestFaultSpecs
{
    private const int Count = 3_000;

    public static TheoryData<string, string> Venues => RestHistoryClientSpecs.Venues;

    [Theory]
    [MemberData(nameof(Venues))]
    public async Task Clients_should_retry_every_rate_limited_request_count_it_and_still_return_everything(string venue, string symbol)
    {
        var ticks = Market(venue, symbol, Count);
        await using var sim = await PublishedAsync(venue, symbol, ticks, SimulatorFaults.None with { RestRateLimitFraction = 0.3, RetryAfter = TimeSpan.Zero });
        using var transport = Transport(sim, venue);
        var client = RestHistoryClients.Create(transport);
        var to = LastMinute(ticks);

        var trades = await client.TradesAsync(symbol, TradeCursor.FromTime(StartMs), long.MaxValue).ToListAsync();
        var bars = await client.CandlesAsync(symbol, Timeframe.OneMinute, StartMs, to).ToListAsync();

        Assert.Equal(ticks, trades);
        AssertSameBars(Minutes(ticks, to).Where(c => venue != "coinbase" || c.Flags != CandleFlags.Flat).ToList(), bars, countsKnown: venue != "coinbase");
        var counters = transport.Counters;
        Assert.True(counters.RateLimited >= 3, $"the premise: some requests were refused ({counters.RateLimited})");
        Assert.Equal(sim.Counters.RestRateLimited, counters.RateLimited);
        Assert.Equal(sim.Counters.RestRequests, counters.Requests);
        Assert.Equal(counters.RateLimited, counters.Retries);
    }

    [Fact]
    public async Task Transport_should_honour_retry_after_when_the_venue_limits_its_request_rate()
    {
        var ticks = Market("coinbase", "USDC/USD", 100);
        await using var sim = await PublishedAsync("coinbase", "USDC/USD", ticks, SimulatorFaults.None with { RestMaxRequestsPerSecond = 4, RetryAfter = TimeSpan.FromSeconds(1) });
        using var transport = new RestTransport(new RestTransportOptions("coinbase", sim.RestUri("coinbase")) { Limiter = new TokenBucket(100, 100) });
        var started = TimeProvider.System.GetTimestamp();

        var pages = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => transport.GetAsync("/products/USDC-USD/trades?limit=5")));

        Assert.All(pages, page => Assert.StartsWith("[{", System.Text.Encoding.UTF8.GetString(page), StringComparison.Ordinal));
        Assert.True(transport.Counters.RateLimited >= 2, $"the premise: requests above 4/s were refused ({transport.Counters.RateLimited})");
        Assert.True(TimeProvider.System.GetElapsedTime(started) >= TimeSpan.FromSeconds(0.9), "the refused requests waited the second Retry-After asked for");
    }

    [Theory]
    [InlineData("coinbase", "DOGE/USD", 404, "NotFound")]
    [InlineData("kraken", "DOGE/USD", 200, "EQuery:Unknown asset pair")]
    [InlineData("binance", "DOGE/USDT", 400, "code -1121: Invalid symbol.")]
    public async Task Clients_should_fail_with_the_venues_own_error_when_the_symbol_is_unknown(string venue, string symbol, int status, string errorText)
    {
        await using var sim = await PublishedAsync(venue, "USDC/USD", Market(venue, "USDC/USD", 10));
        using var transport = Transport(sim, venue);

        var error = await Assert.ThrowsAsync<RestRequestException>(() => RestHistoryClients.Create(transport).CandlesAsync(symbol, Timeframe.OneMinute, StartMs, StartMs + 3_600_000).ToListAsync().AsTask());

        Assert.Equal((venue, status, errorText, 1), (error.Venue, error.Status, error.ErrorText, error.Attempts));
        Assert.StartsWith(sim.RestUri(venue).ToString(), error.Url, StringComparison.Ordinal);
        Assert.Contains(errorText, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, transport.Counters.Retries);
    }
}
