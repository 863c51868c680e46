using ActorArb.Domain.Regimes;
using static ActorArb.Domain.Tests.Regimes.RegimeDriver;

namespace ActorArb.Domain.Tests.Regimes;

public sealed class RegimeDetectorVolatilitySpecs
{
    [Fact]
    public void Detector_should_start_in_normal_for_an_unpegged_instrument()
    {
        var driver = new RegimeDriver(Btc).Alternate(100, 100.01, 200);

        Assert.Equal(Regime.Normal, driver.Detector.Current);
        Assert.Empty(driver.Changes);
        Assert.Equal(0, driver.Detector.Measures.PegDeviation);
    }

    [Fact]
    public void Detector_should_enter_a_flash_crash_immediately_and_leave_it_when_the_window_has_passed()
    {
        var driver = new RegimeDriver(Btc).Close(100, 20);

        var crash = driver.Step(96.9);
        driver.Close(97.9, 14);
        Assert.Equal(Regime.FlashCrash, driver.Detector.Current);
        driver.Close(97.9, 10);

        Assert.NotNull(crash);
        Assert.Equal("return over 15 bars -0.031 <= -0.03", crash.Reason);
        Assert.Equal(["20:FLASH_CRASH", "35:NORMAL"], driver.Path());
        Assert.Equal("return over 15 bars 0.01032 > -0.015", driver.Changes[1].Change.Reason);
    }

    [Fact]
    public void Detector_should_enter_a_flash_pump_immediately_when_the_price_jumps()
    {
        var driver = new RegimeDriver(Btc).Close(100, 3);

        var pump = driver.Step(103.5);

        Assert.NotNull(pump);
        Assert.Equal(Regime.FlashPump, pump.To);
        Assert.Equal("return over 3 bars 0.035 >= 0.03", pump.Reason);
    }

    [Theory]
    [InlineData(97.0, Regime.FlashCrash)]
    [InlineData(103.0, Regime.FlashPump)]
    public void Detector_should_count_a_return_exactly_at_the_flash_threshold_as_a_flash(double close, Regime expected)
    {
        var driver = new RegimeDriver(Btc).Close(100, 20);

        Assert.Equal(expected, driver.Step(close)?.To);
    }

    [Fact]
    public void Detector_should_classify_volatility_only_once_the_window_is_full()
    {
        var driver = new RegimeDriver(Btc);
        Oscillate(driver, 0.0035, 100);

        Assert.Equal(["60:HIGH_VOLATILITY"], driver.Path());
        Assert.StartsWith("realised volatility 0.02", driver.Changes[0].Change.Reason, StringComparison.Ordinal);
        Assert.EndsWith(" >= 0.02", driver.Changes[0].Change.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Detector_should_hold_high_volatility_until_it_falls_below_the_exit_threshold()
    {
        var driver = new RegimeDriver(Btc);
        Oscillate(driver, 0.0005, 70);
        Oscillate(driver, 0.0035, 70);
        Assert.Equal(Regime.HighVolatility, driver.Detector.Current);

        Oscillate(driver, 0.002, 120);
        Assert.InRange(driver.Detector.Measures.RealisedVolatility, 0.01, 0.02);
        Assert.Equal(Regime.HighVolatility, driver.Detector.Current);
        Oscillate(driver, 0.0005, 120);

        Assert.Equal(2, driver.Changes.Count);
        Assert.Equal(Regime.Normal, driver.Changes[1].Change.To);
        Assert.Matches(@"^realised volatility 0\.\d+ < 0\.01$", driver.Changes[1].Change.Reason);
    }

    [Fact]
    public void Detector_should_step_down_from_a_flash_crash_to_high_volatility_when_the_market_stays_wild()
    {
        var driver = new RegimeDriver(Btc);
        Oscillate(driver, 0.0035, 70);
        driver.Close(95);
        Oscillate(driver, 0.0035, 30, around: 95);

        Assert.Equal(["60:HIGH_VOLATILITY", "70:FLASH_CRASH", "85:HIGH_VOLATILITY"], driver.Path());
        Assert.Matches(@"^return over 15 bars -?0(\.\d+)? > -0\.015; realised volatility 0\.\d+ >= 0\.02$", driver.Changes[2].Change.Reason);
    }

    /// <summary>Closes alternate between two prices whose one-bar log returns are +/- <paramref name="amplitude"/>.</summary>
    private static void Oscillate(RegimeDriver driver, double amplitude, int bars, double around = 100)
    {
        for (var i = 0; i < bars; i++)
        {
            driver.Step(i % 2 == 0 ? around : around * Math.Exp(amplitude));
        }
    }
}
