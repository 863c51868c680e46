using ActorArb.Actors.Feeds.WebSockets;

namespace ActorArb.Actors.Tests.Feeds.WebSockets;

public sealed class BackoffPolicySpecs
{
    [Fact]
    public void BackoffPolicy_should_grow_by_the_multiplier_and_stop_at_the_cap_without_jitter()
    {
        var policy = new BackoffPolicy(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 2, 0, new Random(1));

        var delays = Enumerable.Range(1, 7).Select(policy.Delay).Select(d => d.TotalSeconds);

        Assert.Equal([1, 2, 4, 8, 16, 30, 30], delays);
        Assert.Equal(TimeSpan.FromSeconds(30), policy.Delay(5000));
    }

    [Fact]
    public void BackoffPolicy_should_spread_delays_within_the_jitter_band_and_never_above_the_cap()
    {
        var policy = new BackoffPolicy(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 2, 0.2, new Random(7));
        var below = 0;
        var above = 0;

        for (var round = 0; round < 100; round++)
        {
            for (var failures = 1; failures <= 7; failures++)
            {
                var baseMs = policy.BaseDelay(failures).TotalMilliseconds;
                var ms = policy.Delay(failures).TotalMilliseconds;
                Assert.InRange(ms, baseMs * 0.8, Math.Min(baseMs * 1.2, 30_000));
                below += ms < baseMs ? 1 : 0;
                above += ms > baseMs ? 1 : 0;
            }
        }

        Assert.True(below > 100 && above > 100, $"below {below}, above {above}");
    }

    [Fact]
    public void BackoffPolicy_should_repeat_its_delays_for_the_same_seed()
    {
        var options = new ReconnectingWebSocketOptions { JitterSeed = 42 };

        var first = Enumerable.Range(1, 20).Select(BackoffPolicy.From(options).Delay).ToList();
        var second = Enumerable.Range(1, 20).Select(BackoffPolicy.From(options).Delay).ToList();

        Assert.Equal(first, second);
        Assert.NotEqual(first, Enumerable.Range(1, 20).Select(BackoffPolicy.From(options with { JitterSeed = 43 }).Delay).ToList());
    }
}
