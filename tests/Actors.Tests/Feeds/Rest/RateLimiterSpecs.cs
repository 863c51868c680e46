using ActorArb.Actors.Feeds.Rest;

namespace ActorArb.Actors.Tests.Feeds.Rest;

/// <summary>The token bucket and Kraken's decaying counter keep to their rates, on a clock moved by hand.</summary>
public sealed class RateLimiterSpecs
{
    private readonly StepClock _clock = new();

    [Fact]
    public async Task TokenBucket_should_let_a_burst_of_its_capacity_through_then_keep_to_the_refill_rate()
    {
        var bucket = new TokenBucket(capacity: 5, refillPerSecond: 10, _clock);

        var sent = await SendAllAsync(bucket, calls: 60, cost: 1, step: TimeSpan.FromMilliseconds(10), until: TimeSpan.FromSeconds(6));

        // Call i (0-based) may go once 5 + 10 t >= i + 1: never before, and within a millisecond after.
        for (var i = 0; i < sent.Count; i++)
        {
            var earliest = TimeSpan.FromSeconds(Math.Max(0, (i - 4) / 10.0));
            Assert.InRange(sent[i], earliest, earliest + TimeSpan.FromMilliseconds(1));
        }

        Assert.Equal(60, sent.Count);
        Assert.Equal(TimeSpan.FromSeconds(5.5), sent[^1]);
    }

    [Fact]
    public async Task TokenBucket_should_charge_weighted_requests_their_weight()
    {
        var bucket = new TokenBucket(capacity: 600, refillPerSecond: 90, _clock);

        var sent = await SendAllAsync(bucket, calls: 30, cost: 25, step: TimeSpan.FromMilliseconds(50), until: TimeSpan.FromSeconds(3));

        // 24 calls of weight 25 empty the bucket; each further one waits 25 / 90 s.
        Assert.All(sent.Take(24), t => Assert.Equal(TimeSpan.Zero, t));
        Assert.Equal(30, sent.Count);
        Assert.InRange(sent[^1].TotalSeconds, 6 * 25 / 90.0, (6 * 25 / 90.0) + 0.001);
    }

    [Fact]
    public void TokenBucket_should_refill_no_further_than_its_capacity()
    {
        var bucket = new TokenBucket(capacity: 3, refillPerSecond: 1, _clock);
        bucket.Reserve(3);
        _clock.Advance(TimeSpan.FromSeconds(100));

        Assert.Equal(3, bucket.Tokens);
        Assert.Equal(TimeSpan.Zero, bucket.Reserve(3));
        Assert.Equal(TimeSpan.FromSeconds(1), bucket.Reserve(1));
    }

    [Fact]
    public async Task KrakenCallCounter_should_never_let_the_counter_exceed_its_maximum()
    {
        var counter = new KrakenCallCounter(max: 15, decayPerSecond: 0.33, _clock);

        var sent = await SendAllAsync(counter, calls: 25, cost: 1, step: TimeSpan.FromMilliseconds(100), until: TimeSpan.FromSeconds(40));

        // The counter at each send is the calls so far minus the decay since the start: never above 15.
        for (var i = 0; i < sent.Count; i++)
        {
            Assert.True(i + 1 - (0.33 * sent[i].TotalSeconds) <= 15 + 1e-9, $"call {i + 1} sent at {sent[i]} lifts the counter above 15");
        }

        Assert.All(sent.Take(15), t => Assert.Equal(TimeSpan.Zero, t));
        Assert.InRange(sent[15].TotalSeconds, 1 / 0.33, (1 / 0.33) + 0.001);
        Assert.InRange(sent[^1].TotalSeconds, 10 / 0.33, (10 / 0.33) + 0.001);
    }

    [Fact]
    public void KrakenCallCounter_should_decay_at_its_rate_and_not_below_zero()
    {
        var counter = new KrakenCallCounter(max: 15, decayPerSecond: 0.5, _clock);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(TimeSpan.Zero, counter.Reserve(1));
        }

        _clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(8, counter.Counter, 9);
        _clock.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(0, counter.Counter);
    }

    [Fact]
    public void RateLimits_should_give_each_venue_its_documented_limiter()
    {
        Assert.Equal((10.0, 10.0), Bucket(RateLimits.For("coinbase")));
        Assert.Equal((600.0, 90.0), Bucket(RateLimits.For("binance")));
        var kraken = Assert.IsType<KrakenCallCounter>(RateLimits.For("kraken"));
        Assert.Equal((15.0, 0.33), (kraken.Max, kraken.DecayPerSecond));
        Assert.Throws<ArgumentException>(() => RateLimits.For("bitstamp"));

        static (double, double) Bucket(IRateLimiter limiter)
        {
            var bucket = Assert.IsType<TokenBucket>(limiter);
            return (bucket.Capacity, bucket.RefillPerSecond);
        }
    }

    /// <summary>
    /// Starts <paramref name="calls"/> waits at once, then moves the clock in <paramref name="step"/>s up to
    /// <paramref name="until"/>, and returns the clock time at which each wait completed, in call order.
    /// </summary>
    private async Task<List<TimeSpan>> SendAllAsync(IRateLimiter limiter, int calls, double cost, TimeSpan step, TimeSpan until)
    {
        var sentAt = new TimeSpan?[calls];
        var waits = new List<Task>(calls);
        for (var i = 0; i < calls; i++)
        {
            var index = i;
            waits.Add(limiter.WaitAsync(cost).AsTask().ContinueWith(_ => sentAt[index] = _clock.Elapsed, TaskContinuationOptions.ExecuteSynchronously));
        }

        for (var elapsed = TimeSpan.Zero; elapsed <= until; elapsed += step)
        {
            _clock.Advance(step);
        }

        await Task.WhenAll(waits).WaitAsync(TimeSpan.FromSeconds(5));
        return [.. sentAt.Select(t => t!.Value)];
    }
}
