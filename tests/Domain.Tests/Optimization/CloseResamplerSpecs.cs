using ActorArb.Domain.Market;
using ActorArb.Domain.Optimization;

namespace ActorArb.Domain.Tests.Optimization;

public sealed class CloseResamplerSpecs
{
    [Fact]
    public void Resampler_should_keep_the_last_close_of_each_aligned_period_and_the_partial_last_one()
    {
        // 1m bars from 00:58 to 02:01 with a gap: 01:00..01:59 holds only 01:05 and 01:59.
        long[] open = [58 * 60_000, 59 * 60_000, 65 * 60_000, 119 * 60_000, 120 * 60_000, 121 * 60_000];
        double[] closes = [1.0, 1.1, 1.2, 1.3, 1.4, 1.5];

        var (hours, hourCloses) = CloseResampler.Resample(open, closes, Timeframe.Parse("1h"));

        Assert.Equal([0L, 3_600_000, 7_200_000], hours);
        Assert.Equal([1.1, 1.3, 1.5], hourCloses);
    }

    [Fact]
    public void Resampler_should_return_the_bars_themselves_at_their_own_timeframe()
    {
        long[] open = [0, 60_000, 120_000];
        double[] closes = [1.0, 0.9, 1.1];

        var (times, values) = CloseResampler.Resample(open, closes, Timeframe.OneMinute);

        Assert.Equal(open, times);
        Assert.Equal(closes, values);
    }
}
