using System.Net;
using ActorArb.Simulator;
using static ActorArb.Actors.Tests.Simulator.SimulatorKit;

namespace ActorArb.Actors.Tests.Simulator;

public sealed class ExchangeSimulatorRateLimitSpecs
{
    private const int Requests = 120;

    [Fact]
    public async Task RestRateLimit_should_refuse_a_seeded_fraction_each_venues_way_with_retry_after()
    {
        var faults = new SimulatorFaults { RestRateLimitFraction = 0.25, RetryAfter = TimeSpan.FromSeconds(1.5) };

        var first = await RefusedAsync(seed: 7, faults);
        var again = await RefusedAsync(seed: 7, faults);
        var other = await RefusedAsync(seed: 8, faults);

        Assert.InRange(first.Refused.Count, 12, 50);
        Assert.Equal(first.Refused, again.Refused);
        Assert.NotEqual(first.Refused, other.Refused);
        Assert.Equal(first.Refused.Count, first.Counters.RestRateLimited);
        Assert.Equal(Requests, first.Counters.RestRequests);
    }

    [Fact]
    public async Task RestRateLimit_should_refuse_requests_above_the_rate_over_the_last_second()
    {
        var time = new ManualTime();
        await using var sim = await ExchangeSimulator.StartAsync(new SimulatorOptions
        {
            Feeds = [SimulatorFeed.FromTicks("binance", "BTC/USDT", Ticks("binance", "BTC/USDT", 3))],
            StartPaused = true,
            Time = time,
            Faults = new SimulatorFaults { RestMaxRequestsPerSecond = 5 },
        });
        using var http = new HttpClient();
        var url = sim.RestUri("binance") + "/api/v3/trades?symbol=BTCUSDT";

        var burst = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            using var response = await http.GetAsync(url);
            burst.Add(response.StatusCode);
        }

        time.Advance(TimeSpan.FromSeconds(1));
        using var later = await http.GetAsync(url);

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 5).Concat(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 7)), burst);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    /// <summary>Sends requests to each venue in turn and returns the indices refused, checking each refusal's form.</summary>
    private static async Task<(List<int> Refused, SimulatorCounters Counters)> RefusedAsync(int seed, SimulatorFaults faults)
    {
        var feeds = SimulatorFlavours.Venues.Select(venue => SimulatorFeed.FromTicks(venue, "USDC/USD", Ticks(venue, "USDC/USD", 3))).ToArray();
        await using var sim = await ExchangeSimulator.StartAsync(new SimulatorOptions { Feeds = feeds, StartPaused = true, Seed = seed, Faults = faults });
        sim.Step(int.MaxValue);
        using var http = new HttpClient();
        string[] urls =
        [
            sim.RestUri("coinbase") + "/products/USDC-USD/trades",
            sim.RestUri("kraken") + "/0/public/Trades?pair=USDCUSD",
            sim.RestUri("binance") + "/api/v3/trades?symbol=USDCUSD",
        ];

        var refused = new List<int>();
        for (var i = 0; i < Requests; i++)
        {
            using var response = await http.GetAsync(urls[i % 3]);
            var body = Parse(await response.Content.ReadAsStringAsync());
            if (i % 3 == 1)
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                if (body.GetProperty("error").GetArrayLength() > 0)
                {
                    Assert.Equal("EAPI:Rate limit exceeded", body.GetProperty("error")[0].GetString());
                    refused.Add(i);
                }

                continue;
            }

            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("2", Assert.Single(response.Headers.GetValues("Retry-After")));
                Assert.True(i % 3 == 0 ? body.TryGetProperty("message", out _) : body.GetProperty("code").GetInt32() == -1003);
                refused.Add(i);
            }
            else
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal(3, body.GetArrayLength());
            }
        }

        return (refused, sim.Counters);
    }
}
