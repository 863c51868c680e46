using ActorArb.Domain.Execution;

namespace ActorArb.Domain.Tests.Execution;

public sealed class FillModelSpecs
{
    [Fact]
    public void FillModel_should_convert_ten_basis_points_to_exactly_one_thousandth()
    {
        var model = new FillModel(TakerFeeBps: 10, MakerFeeBps: 2, SlippageBps: 5);

        Assert.True(model.TakerFeeRate == 0.001, $"{model.TakerFeeRate:R}");
        Assert.True(model.MakerFeeRate == 0.0002, $"{model.MakerFeeRate:R}");
        Assert.True(model.SlippageRate == 0.0005, $"{model.SlippageRate:R}");
    }

    [Theory]
    [InlineData(7.5, 0.00075)]
    [InlineData(26, 0.0026)]
    [InlineData(0, 0.0)]
    public void FillModel_should_divide_basis_points_by_ten_thousand(double bps, double rate)
    {
        Assert.Equal(rate, new FillModel(bps, 0, 0).TakerFeeRate);
    }

    [Theory]
    [InlineData(0.0, false)]
    [InlineData(double.PositiveInfinity, false)]
    [InlineData(0.1, true)]
    public void FillModel_should_cap_participation_only_for_a_positive_finite_fraction(double participation, bool capped)
    {
        Assert.Equal(capped, new FillModel(10, 0, 0, participation).HasParticipationCap);
    }

    [Theory]
    [InlineData(-1, 0, 0, 0, 0L, "taker-fee-bps")]
    [InlineData(10, double.NaN, 0, 0, 0L, "maker-fee-bps")]
    [InlineData(10, 0, 10000, 0, 0L, "slippage-bps")]
    [InlineData(10, 0, 0, -0.5, 0L, "max-participation")]
    [InlineData(10, 0, 0, 0, -1L, "latency")]
    public void FillModel_should_refuse_values_that_cannot_fill(double taker, double maker, double slip, double participation, long latency, string name)
    {
        var error = Assert.Throws<ArgumentException>(() => new FillModel(taker, maker, slip, participation, latency).Validate());

        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }
}
