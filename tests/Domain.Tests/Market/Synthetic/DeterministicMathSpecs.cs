using ActorArb.Domain.Market.Synthetic;

namespace ActorArb.Domain.Tests.Market.Synthetic;

public sealed class DeterministicMathSpecs
{
    [Theory]
    [InlineData(1.0)]
    [InlineData(2.0)]
    [InlineData(0.5)]
    [InlineData(Math.E)]
    [InlineData(1.4142135623730951)]
    [InlineData(1.4142135623730954)]
    [InlineData(0.7071067811865476)]
    [InlineData(1e-300)]
    [InlineData(1e300)]
    [InlineData(double.MaxValue)]
    [InlineData(double.Epsilon)]
    [InlineData(4.9e-310)]
    [InlineData(0.9999999999999999)]
    [InlineData(1.0000000000000002)]
    public void Log_should_agree_with_the_platform_log_to_a_few_ulps(double x)
    {
        var expected = Math.Log(x);
        var actual = DeterministicMath.Log(x);

        var ulp = Math.BitIncrement(Math.Abs(expected)) - Math.Abs(expected);
        Assert.True(Math.Abs(actual - expected) <= 4 * ulp, $"Log({x:R}) = {actual:R}, Math.Log = {expected:R}");
    }

    [Fact]
    public void Log_should_be_exactly_zero_at_one()
    {
        Assert.Equal(0.0, DeterministicMath.Log(1.0));
    }

    [Fact]
    public void Log_should_agree_with_the_platform_log_across_the_polar_method_range()
    {
        // The polar method takes logs of s in (0, 1); sweep it and some values above 1.
        var worst = 0.0;
        for (var i = 1; i <= 100_000; i++)
        {
            var x = i / 50_000.0;
            var expected = Math.Log(x);
            var error = Math.Abs(DeterministicMath.Log(x) - expected);
            var relative = expected == 0 ? error : error / Math.Abs(expected);
            worst = Math.Max(worst, relative);
        }

        Assert.True(worst < 1e-15, $"worst relative error {worst:R}");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Log_should_refuse_arguments_outside_its_domain(double x)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DeterministicMath.Log(x));
    }
}
