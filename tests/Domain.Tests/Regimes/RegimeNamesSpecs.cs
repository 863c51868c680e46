using ActorArb.Domain.Regimes;

namespace ActorArb.Domain.Tests.Regimes;

public sealed class RegimeNamesSpecs
{
    [Theory]
    [InlineData(Regime.Normal, "NORMAL")]
    [InlineData(Regime.HighVolatility, "HIGH_VOLATILITY")]
    [InlineData(Regime.FlashCrash, "FLASH_CRASH")]
    [InlineData(Regime.FlashPump, "FLASH_PUMP")]
    [InlineData(Regime.PegStable, "PEG_STABLE")]
    [InlineData(Regime.PegStress, "PEG_STRESS")]
    [InlineData(Regime.Depeg, "DEPEG")]
    public void ToWire_should_write_the_upper_snake_case_name_and_TryParse_should_read_it_back(Regime regime, string wire)
    {
        Assert.Equal(wire, RegimeNames.ToWire(regime));
        Assert.True(RegimeNames.TryParse(wire, out var parsed));
        Assert.Equal(regime, parsed);
    }

    [Fact]
    public void ToWire_should_name_every_defined_regime()
    {
        Assert.All(Enum.GetValues<Regime>(), r => Assert.True(RegimeNames.TryParse(RegimeNames.ToWire(r), out var back) && back == r));
        Assert.Throws<ArgumentOutOfRangeException>(() => RegimeNames.ToWire((Regime)99));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("normal")]
    [InlineData("Depeg")]
    [InlineData("HighVolatility")]
    public void TryParse_should_refuse_anything_but_an_exact_wire_name(string? wire)
    {
        Assert.False(RegimeNames.TryParse(wire, out _));
    }
}
