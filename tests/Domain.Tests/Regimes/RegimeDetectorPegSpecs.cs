using ActorArb.Domain.Regimes;
using static ActorArb.Domain.Tests.Regimes.RegimeDriver;

namespace ActorArb.Domain.Tests.Regimes;

public sealed class RegimeDetectorPegSpecs
{
    [Fact]
    public void Detector_should_start_in_peg_stable_and_emit_nothing_when_the_price_stays_on_the_peg()
    {
        var driver = new RegimeDriver(Usdc).Alternate(1.0, 0.9999, 200);

        Assert.Equal(Regime.PegStable, driver.Detector.Current);
        Assert.Empty(driver.Changes);
    }

    [Fact]
    public void Detector_should_enter_peg_stress_when_the_deviation_reaches_the_stress_threshold()
    {
        var driver = new RegimeDriver(Usdc).Close(1.0, 10);

        var change = driver.Step(0.994);

        Assert.NotNull(change);
        Assert.Equal(Usdc.Id, change.Instrument);
        Assert.Equal(Regime.PegStable, change.From);
        Assert.Equal(Regime.PegStress, change.To);
        Assert.Equal("peg deviation 0.006 >= 0.005", change.Reason);
        Assert.Equal(Bar(Usdc, 10, 0.994).CloseTimeMs, change.TimeMs);
        Assert.Equal(-0.006, change.Measures.PegDeviation, 12);
        Assert.Equal(Regime.PegStress, driver.Detector.Current);
    }

    [Fact]
    public void Detector_should_wait_the_minimum_dwell_before_a_change_that_is_not_an_escalation()
    {
        var driver = new RegimeDriver(Usdc, new RegimeOptions(MinDwellBars: 5)).Close(0.994, 20);

        Assert.Equal(["5:PEG_STRESS"], driver.Path());
    }

    [Fact]
    public void Detector_should_enter_depeg_immediately_whatever_the_dwell()
    {
        var driver = new RegimeDriver(Usdc).Close(1.0, 2);

        var change = driver.Step(0.9688);

        Assert.NotNull(change);
        Assert.Equal(Regime.Depeg, change.To);
        Assert.Equal("peg deviation 0.0312 >= 0.02", change.Reason);
    }

    [Fact]
    public void Detector_should_leave_depeg_only_below_the_recovery_threshold_and_step_down_through_stress()
    {
        var driver = new RegimeDriver(Usdc).Close(1.0, 10).Close(0.975);
        driver.Close(0.985, 30);
        Assert.Equal(Regime.Depeg, driver.Detector.Current);

        driver.Close(0.992);
        driver.Close(0.998, 10);

        Assert.Equal(["10:DEPEG", "41:PEG_STRESS", "46:PEG_STABLE"], driver.Path());
        Assert.Equal("peg deviation 0.008 < 0.01", driver.Changes[1].Change.Reason);
        Assert.Equal("peg deviation 0.002 < 0.0025", driver.Changes[2].Change.Reason);
    }

    [Fact]
    public void Detector_should_hold_depeg_for_the_minimum_dwell_when_the_price_snaps_back()
    {
        var driver = new RegimeDriver(Usdc).Close(1.0, 10).Close(0.97).Close(1.0, 10);

        Assert.Equal(["10:DEPEG", "15:PEG_STABLE"], driver.Path());
        Assert.Equal(Regime.Depeg, driver.Changes[1].Change.From);
    }

    [Fact]
    public void Detector_should_not_flip_flop_when_the_deviation_oscillates_around_a_threshold()
    {
        var aroundDepeg = new RegimeDriver(Usdc).Close(1.0, 10).Alternate(0.9801, 0.9799, 300);
        var aroundStress = new RegimeDriver(Usdc).Close(1.0, 10).Alternate(0.9951, 0.9949, 300);
        var withoutHysteresis = new RegimeDriver(Usdc, new RegimeOptions(PegRecoverFactor: 1, MinDwellBars: 0))
            .Close(1.0, 10).Alternate(0.9951, 0.9949, 300);

        Assert.Equal(["10:PEG_STRESS", "11:DEPEG"], aroundDepeg.Path());
        Assert.Equal(["11:PEG_STRESS"], aroundStress.Path());
        Assert.Equal(299, withoutHysteresis.Changes.Count);
    }

    [Fact]
    public void Detector_should_space_changes_by_the_dwell_when_hysteresis_is_off()
    {
        var driver = new RegimeDriver(Usdc, new RegimeOptions(PegRecoverFactor: 1, MinDwellBars: 5))
            .Close(1.0, 10).Alternate(0.9951, 0.9949, 300);

        Assert.True(driver.Changes.Count > 10);
        for (var i = 1; i < driver.Changes.Count; i++)
        {
            Assert.True(driver.Changes[i].Bar - driver.Changes[i - 1].Bar >= 5, string.Join(", ", driver.Path()));
        }
    }

    [Fact]
    public void Detector_should_prefer_depeg_over_a_flash_crash_when_a_pegged_price_falls_off_the_peg()
    {
        var driver = new RegimeDriver(Usdc).Close(1.0, 20).Close(0.96).Close(0.95, 30);

        Assert.Equal(["20:DEPEG"], driver.Path());
    }

    [Fact]
    public void Detector_should_flag_a_flash_crash_on_a_pegged_instrument_when_a_fast_fall_away_from_the_peg_stays_short_of_depeg()
    {
        var options = new RegimeOptions(FlashMove: 0.01);
        var driver = new RegimeDriver(Usdc, options).Close(1.0, 20);

        var change = driver.Step(0.988);

        Assert.NotNull(change);
        Assert.Equal(Regime.FlashCrash, change.To);
        Assert.Equal("return over 15 bars -0.012 <= -0.01", change.Reason);
    }

    [Fact]
    public void Detector_should_not_call_a_fast_return_towards_the_peg_a_flash_pump()
    {
        var driver = new RegimeDriver(Usdc, new RegimeOptions(FlashMove: 0.01)).Close(0.985, 40).Close(0.999, 20);

        Assert.Equal(["5:PEG_STRESS", "40:PEG_STABLE"], driver.Path());
        Assert.Equal("peg deviation 0.001 < 0.0025", driver.Changes[1].Change.Reason);
    }

    [Fact]
    public void Detector_should_flag_a_flash_pump_on_a_pegged_instrument_when_it_rises_fast_above_the_peg()
    {
        var driver = new RegimeDriver(Usdc, new RegimeOptions(FlashMove: 0.01)).Close(1.0, 20).Close(1.012).Close(1.012, 30);

        Assert.Equal(["20:FLASH_PUMP", "35:PEG_STRESS"], driver.Path());
        Assert.Equal("return over 15 bars 0 < 0.005; peg deviation 0.012 >= 0.005", driver.Changes[1].Change.Reason);
    }

    [Theory]
    [InlineData(1.005, Regime.PegStress)]
    [InlineData(0.995, Regime.PegStress)]
    [InlineData(1.02, Regime.Depeg)]
    [InlineData(0.98, Regime.Depeg)]
    public void Detector_should_count_a_close_exactly_at_a_threshold_as_crossing_it(double close, Regime expected)
    {
        var driver = new RegimeDriver(Usdc).Close(1.0, 10);

        Assert.Equal(expected, driver.Step(close)?.To);
    }

    [Fact]
    public void Reason_should_print_more_digits_when_six_decimals_would_show_the_threshold_itself()
    {
        Assert.Equal("peg deviation 0.00249999999999995 < 0.0025", RegimeDetector.Clause("peg deviation", 0.00249999999999995, "<", 0.0025));
        Assert.Equal("peg deviation 0.0312 >= 0.02", RegimeDetector.Clause("peg deviation", 0.0312, ">=", 0.02));
    }
}
