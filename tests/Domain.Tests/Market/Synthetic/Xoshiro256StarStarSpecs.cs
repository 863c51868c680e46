using ActorArb.Domain.Market.Synthetic;

namespace ActorArb.Domain.Tests.Market.Synthetic;

public sealed class Xoshiro256StarStarSpecs
{
    [Fact]
    public void Xoshiro_should_match_the_reference_implementation_when_started_from_state_1_2_3_4()
    {
        // Outputs of Blackman and Vigna's xoshiro256starstar.c for s = {1, 2, 3, 4}.
        var rng = new Xoshiro256StarStar(1, 2, 3, 4);

        Assert.Equal(11520UL, rng.NextUInt64());
        Assert.Equal(0UL, rng.NextUInt64());
        Assert.Equal(1509978240UL, rng.NextUInt64());
        Assert.Equal(1215971899390074240UL, rng.NextUInt64());
    }

    [Fact]
    public void SplitMix64_should_match_the_reference_implementation_when_seeded_with_zero()
    {
        var mixer = new SplitMix64(0);

        Assert.Equal(0xE220A8397B1DCDAFUL, mixer.Next());
        Assert.Equal(0x6E789E6AA1B965F4UL, mixer.Next());
        Assert.Equal(0x06C45D188009454FUL, mixer.Next());
    }

    [Fact]
    public void Xoshiro_should_seed_its_state_from_splitmix64_when_given_a_seed()
    {
        // Reference C: x = 42; s[i] = splitmix64() for i in 0..3; then next().
        var rng = new Xoshiro256StarStar(42);

        Assert.Equal(1546998764402558742UL, rng.NextUInt64());
        Assert.Equal(6990951692964543102UL, rng.NextUInt64());
        Assert.Equal(12544586762248559009UL, rng.NextUInt64());
    }

    [Fact]
    public void Xoshiro_should_refuse_an_all_zero_state()
    {
        Assert.Throws<ArgumentException>(() => new Xoshiro256StarStar(0, 0, 0, 0));
    }

    [Fact]
    public void NextDouble_should_stay_in_the_unit_interval_with_a_uniform_mean()
    {
        var rng = new Xoshiro256StarStar(7);
        var sum = 0.0;
        const int n = 200_000;
        for (var i = 0; i < n; i++)
        {
            var u = rng.NextDouble();
            Assert.InRange(u, 0.0, 0.9999999999999999);
            sum += u;
        }

        Assert.InRange(sum / n, 0.497, 0.503);
    }

    [Fact]
    public void NextStandardNormal_should_have_zero_mean_unit_variance_and_normal_tails()
    {
        var rng = new Xoshiro256StarStar(11);
        const int n = 200_000;
        double sum = 0, sumSquares = 0;
        var beyondTwoSigma = 0;
        for (var i = 0; i < n; i++)
        {
            var z = rng.NextStandardNormal();
            sum += z;
            sumSquares += z * z;
            if (Math.Abs(z) > 2)
            {
                beyondTwoSigma++;
            }
        }

        var mean = sum / n;
        Assert.InRange(mean, -0.01, 0.01);
        Assert.InRange((sumSquares / n) - (mean * mean), 0.98, 1.02);

        // P(|Z| > 2) = 4.55 % for a normal; a uniform or triangular stand-in would be far off.
        Assert.InRange(beyondTwoSigma / (double)n, 0.043, 0.048);
    }

    [Fact]
    public void NextStandardNormal_should_repeat_exactly_when_reseeded()
    {
        var a = new Xoshiro256StarStar(99);
        var b = new Xoshiro256StarStar(99);
        for (var i = 0; i < 1_000; i++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(a.NextStandardNormal()), BitConverter.DoubleToInt64Bits(b.NextStandardNormal()));
        }
    }
}
