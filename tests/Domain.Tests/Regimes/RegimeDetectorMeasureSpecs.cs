using ActorArb.Domain.Market;
using ActorArb.Domain.Regimes;
using ActorArb.Domain.Tests.Market;
using static ActorArb.Domain.Tests.Regimes.RegimeDriver;

namespace ActorArb.Domain.Tests.Regimes;

public sealed class RegimeDetectorMeasureSpecs
{
    [Fact]
    public void Measures_should_equal_a_naive_recomputation_on_every_bar_of_a_random_walk()
    {
        var options = new RegimeOptions(ReturnWindow: 15, VolatilityWindow: 60);
        var detector = new RegimeDetector(Usdc, options);
        var random = new SeededRandom(2023);
        var closes = new List<double>();
        var price = 1.0;
        for (var bar = 0; bar < 5_000; bar++)
        {
            price = Math.Max(0.5, price * Math.Exp((random.NextDouble() - 0.5) * 0.004));
            var candle = Bar(Usdc, bar, price);
            closes.Add(candle.Close.ToDouble());
            detector.OnCandle(candle);

            var measures = detector.Measures;
            var close = closes[^1];
            Assert.Equal(close / closes[Math.Max(0, bar - 15)] - 1, measures.Return, 1e-15);
            Assert.Equal(close - 1, measures.PegDeviation, 1e-15);
            var expected = NaiveVolatility(closes, 60);
            Assert.True(Math.Abs(expected - measures.RealisedVolatility) <= 1e-12 + (1e-9 * expected), $"bar {bar}: {expected} vs {measures.RealisedVolatility}");
        }
    }

    [Fact]
    public void Volatility_should_stay_accurate_when_a_million_bars_have_slid_through_the_window()
    {
        var detector = new RegimeDetector(Btc, new RegimeOptions(VolatilityWindow: 60));
        var random = new SeededRandom(9);
        var window = new List<double>();
        for (var bar = 0; bar < 1_000_000; bar++)
        {
            var close = 30_000 + Math.Round(random.NextDouble() * 10, 1);
            detector.OnCandle(Bar(Btc, bar, close));
            if (bar >= 1_000_000 - 61)
            {
                window.Add(Price.FromDouble(close).ToDouble());
            }
        }

        var expected = NaiveVolatility(window, 60);
        Assert.Equal(expected, detector.Measures.RealisedVolatility, 1e-12);
    }

    [Fact]
    public void Measures_should_be_zero_before_the_first_bar()
    {
        var measures = new RegimeDetector(Usdc, new RegimeOptions()).Measures;

        Assert.Equal(new RegimeMeasures(0, 0, 0), measures);
    }

    [Fact]
    public void OnCandle_should_ignore_a_redelivered_or_older_bar()
    {
        var driver = new RegimeDriver(Usdc).Close(1.0, 10);
        var depeg = Bar(Usdc, 10, 0.97);
        Assert.NotNull(driver.Detector.OnCandle(depeg));
        var measures = driver.Detector.Measures;

        Assert.Null(driver.Detector.OnCandle(depeg));
        Assert.Null(driver.Detector.OnCandle(Bar(Usdc, 3, 1.0)));
        Assert.Equal(measures, driver.Detector.Measures);
        Assert.Equal(Regime.Depeg, driver.Detector.Current);
    }

    [Fact]
    public void OnCandle_should_throw_when_the_bar_is_of_another_instrument_timeframe_or_not_positive()
    {
        var detector = new RegimeDetector(Usdc, new RegimeOptions());
        detector.OnCandle(Bar(Usdc, 0, 1.0));

        Assert.Throws<ArgumentException>(() => detector.OnCandle(Bar(Btc, 1, 1.0)));
        Assert.Throws<ArgumentException>(() => detector.OnCandle(Bar(Usdc, 1, 1.0) with { Timeframe = Timeframe.Parse("1h") }));
        Assert.Throws<ArgumentOutOfRangeException>(() => detector.OnCandle(Bar(Usdc, 1, 1.0) with { Close = Price.Zero }));
    }

    public static TheoryData<RegimeOptions> BadOptions() =>
    [
        new RegimeOptions(ReturnWindow: 0),
        new RegimeOptions(VolatilityWindow: 1),
        new RegimeOptions(HighVolatility: 0),
        new RegimeOptions(FlashMove: -0.01),
        new RegimeOptions(PegStress: 0),
        new RegimeOptions(PegStress: 0.02, Depeg: 0.02),
        new RegimeOptions(PegRecoverFactor: 0),
        new RegimeOptions(PegRecoverFactor: 1.5),
        new RegimeOptions(RecoverFactor: 0),
        new RegimeOptions(MinDwellBars: -1),
    ];

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Detector_should_refuse_options_when_a_window_threshold_or_factor_is_out_of_range(RegimeOptions options)
    {
        Assert.ThrowsAny<ArgumentException>(() => new RegimeDetector(Usdc, options));
    }

    private static double NaiveVolatility(List<double> closes, int window)
    {
        var returns = new List<double>();
        for (var i = Math.Max(1, closes.Count - window); i < closes.Count; i++)
        {
            returns.Add(Math.Log(closes[i] / closes[i - 1]));
        }

        if (returns.Count < 2)
        {
            return 0;
        }

        var mean = returns.Average();
        var sum = returns.Sum(r => (r - mean) * (r - mean));
        return Math.Sqrt(sum / (returns.Count - 1) * window);
    }
}
