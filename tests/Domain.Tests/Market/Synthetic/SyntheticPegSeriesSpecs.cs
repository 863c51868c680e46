using ActorArb.Domain.Market;
using ActorArb.Domain.Market.Synthetic;

namespace ActorArb.Domain.Tests.Market.Synthetic;

public sealed class SyntheticPegSeriesSpecs
{
    // Observed once from the default series and pinned: any change to the generator, the PRNG or the defaults shows.
    private const long PinnedCloseTickSum = 430_261_729;
    private const double PinnedVolumeSum = 2705390759.984416;
    private const int PinnedPegEntries = 37;
    private const string PinnedFirst = "1 1 0.9998 1 74590.19571410514";
    private const string PinnedAtDepegBottom = "0.9187 0.9201 0.9187 0.92 401298.5909577873";
    private const string PinnedLast = "0.9991 0.9991 0.9986 0.999 62837.10916424592";

    private static readonly Instrument Usdc = new(new InstrumentId("synthetic", "USDC/USD"), Price.Parse("0.0001"), Price.Parse("1"));
    private static readonly SyntheticPegOptions Defaults = new();
    private static readonly Lazy<List<Candle>> DefaultSeries = new(() => SyntheticPegSeries.Generate(Usdc, Defaults).ToList());

    [Fact]
    public void Generate_should_give_identical_candles_when_run_twice()
    {
        var second = SyntheticPegSeries.Generate(Usdc, Defaults).ToList();

        Assert.Equal(DefaultSeries.Value.Count, second.Count);
        for (var i = 0; i < second.Count; i++)
        {
            // Record equality compares the volume doubles exactly, so this is bit for bit.
            Assert.Equal(DefaultSeries.Value[i], second[i]);
        }
    }

    [Fact]
    public void Generate_should_reproduce_the_pinned_default_series()
    {
        var candles = DefaultSeries.Value;
        var tick = Defaults.TickSize;
        long closeTickSum = 0;
        var volumeSum = 0.0;
        foreach (var candle in candles)
        {
            closeTickSum += candle.Close.ToTicks(tick);
            volumeSum += candle.Volume;
        }

        Assert.Equal(43_200, candles.Count);
        Assert.Equal(PinnedCloseTickSum, closeTickSum);
        Assert.Equal(PinnedVolumeSum, volumeSum);
        Assert.Equal(PinnedFirst, Describe(candles[0]));
        Assert.Equal(PinnedAtDepegBottom, Describe(candles[20_160 + 360]));
        Assert.Equal(PinnedLast, Describe(candles[^1]));
    }

    [Fact]
    public void Generate_should_give_a_different_series_when_the_seed_differs()
    {
        var other = SyntheticPegSeries.Generate(Usdc, Defaults with { Seed = 43, Bars = 1_000 }).ToList();

        Assert.NotEqual(DefaultSeries.Value.Take(1_000).Select(c => c.Close), other.Select(c => c.Close));
    }

    [Fact]
    public void Generate_should_produce_contiguous_quantised_consistent_1m_bars()
    {
        var candles = DefaultSeries.Value;
        var tick = Defaults.TickSize;
        var previousClose = Price.Parse("1");
        for (var i = 0; i < candles.Count; i++)
        {
            var c = candles[i];
            Assert.Equal(Usdc.Id, c.Instrument);
            Assert.Equal(Timeframe.OneMinute, c.Timeframe);
            Assert.Equal(Defaults.StartMs + (i * 60_000L), c.OpenTimeMs);
            Assert.Equal(previousClose, c.Open);
            foreach (var p in new[] { c.Open, c.High, c.Low, c.Close })
            {
                Assert.True(p.IsMultipleOf(tick) && p >= tick, $"bar {i}: {p} is not a positive multiple of {tick}");
            }

            Assert.True(c.High >= Price.Max(c.Open, c.Close) && c.Low <= Price.Min(c.Open, c.Close), $"bar {i}: {c}");
            Assert.True(c.Volume > 0, $"bar {i}: volume {c.Volume}");
            previousClose = c.Close;
        }
    }

    [Fact]
    public void Generate_should_show_the_depeg_as_a_fast_drop_to_near_092_and_a_recovery()
    {
        var candles = DefaultSeries.Value;
        var start = Defaults.DepegStartBar;
        var end = start + Defaults.DepegDurationBars;

        var lowest = 0;
        for (var i = 1; i < candles.Count; i++)
        {
            if (candles[i].Low < candles[lowest].Low)
            {
                lowest = i;
            }
        }

        Assert.InRange(candles[lowest].Low.ToDouble(), 0.905, 0.925);
        Assert.InRange(lowest, start, start + (Defaults.DepegDurationBars / 4));

        // Calm before, the drop reached within hours, and back at the peg after.
        Assert.All(candles.Take(start), c => Assert.InRange(c.Low.ToDouble(), 0.99, 1.01));
        Assert.All(candles.Take(start), c => Assert.InRange(c.High.ToDouble(), 0.99, 1.01));
        Assert.InRange(candles[start + (Defaults.DepegDurationBars / 12)].Close.ToDouble(), 0.90, 0.93);
        Assert.InRange(candles.Skip(end).Average(c => c.Close.ToDouble()), 0.999, 1.001);
    }

    [Fact]
    public void Generate_should_trade_more_volume_during_the_depeg()
    {
        var candles = DefaultSeries.Value;
        var start = Defaults.DepegStartBar;
        var normal = candles.Take(start).Average(c => c.Volume);
        var atBottom = candles.Skip(start + 300).Take(120).Average(c => c.Volume);

        Assert.InRange(normal, 0.97 * Defaults.BaseVolume, 1.03 * Defaults.BaseVolume);
        Assert.True(atBottom > 4 * normal, $"volume at the bottom {atBottom:F0} vs normal {normal:F0}");
    }

    [Fact]
    public void Generate_should_give_a_peg_strategy_a_few_dozen_round_trips()
    {
        // Buy at or below 0.997 when flat, sell at or above 1.003 when long, on closes.
        var buy = Price.Parse("0.997");
        var sell = Price.Parse("1.003");
        var entries = 0;
        var holding = false;
        foreach (var c in DefaultSeries.Value)
        {
            if (!holding && c.Close <= buy)
            {
                holding = true;
                entries++;
            }
            else if (holding && c.Close >= sell)
            {
                holding = false;
            }
        }

        Assert.Equal(PinnedPegEntries, entries);
        Assert.InRange(entries, 24, 60);
    }

    [Fact]
    public void Generate_should_stay_exactly_at_the_peg_when_there_is_no_noise_and_no_depeg()
    {
        var candles = SyntheticPegSeries.Generate(Usdc, new SyntheticPegOptions(Bars: 500, Volatility: 0, DepegDurationBars: 0)).ToList();

        Assert.Equal(500, candles.Count);
        Assert.All(candles, c => Assert.True(c.Open == Price.Parse("1") && c.High == c.Open && c.Low == c.Open && c.Close == c.Open));
    }

    [Fact]
    public void Generate_should_never_go_below_one_tick_when_the_target_is_below_a_tick()
    {
        var options = new SyntheticPegOptions(Bars: 3_000, Peg: 0.0003, Volatility: 0.0004, DepegDepth: 0.9, DepegStartBar: 10, DepegDurationBars: 2_000);

        var candles = SyntheticPegSeries.Generate(Usdc, options).ToList();

        Assert.All(candles, c => Assert.True(c.Low >= options.TickSize, c.ToString()));
        Assert.Contains(candles, c => c.Low == options.TickSize);
    }

    [Fact]
    public void Generate_should_quantise_to_the_tick_size_it_is_given()
    {
        var tick = Price.Parse("0.001");
        var candles = SyntheticPegSeries.Generate(Usdc, new SyntheticPegOptions(Bars: 2_000, TickSize: tick)).ToList();

        Assert.All(candles, c => Assert.True(c.Open.IsMultipleOf(tick) && c.High.IsMultipleOf(tick) && c.Low.IsMultipleOf(tick) && c.Close.IsMultipleOf(tick)));
        Assert.Contains(candles, c => c.High != c.Low);
    }

    [Fact]
    public void Generate_should_yield_nothing_when_no_bars_are_asked_for()
    {
        Assert.Empty(SyntheticPegSeries.Generate(Usdc, new SyntheticPegOptions(Bars: 0)));
    }

    [Theory]
    [InlineData(nameof(SyntheticPegOptions.Bars))]
    [InlineData(nameof(SyntheticPegOptions.Peg))]
    [InlineData(nameof(SyntheticPegOptions.MeanReversion))]
    [InlineData(nameof(SyntheticPegOptions.Volatility))]
    [InlineData(nameof(SyntheticPegOptions.TickSize))]
    [InlineData(nameof(SyntheticPegOptions.DepegDepth))]
    [InlineData(nameof(SyntheticPegOptions.DepegStartBar))]
    [InlineData(nameof(SyntheticPegOptions.DepegDurationBars))]
    [InlineData(nameof(SyntheticPegOptions.BaseVolume))]
    [InlineData(nameof(SyntheticPegOptions.StartMs))]
    public void Generate_should_refuse_an_option_out_of_range_before_enumerating(string option)
    {
        var bad = option switch
        {
            nameof(SyntheticPegOptions.Bars) => Defaults with { Bars = -1 },
            nameof(SyntheticPegOptions.Peg) => Defaults with { Peg = 0 },
            nameof(SyntheticPegOptions.MeanReversion) => Defaults with { MeanReversion = 1.5 },
            nameof(SyntheticPegOptions.Volatility) => Defaults with { Volatility = double.NaN },
            nameof(SyntheticPegOptions.TickSize) => Defaults with { TickSize = Price.Zero },
            nameof(SyntheticPegOptions.DepegDepth) => Defaults with { DepegDepth = 1.0 },
            nameof(SyntheticPegOptions.DepegStartBar) => Defaults with { DepegStartBar = -5 },
            nameof(SyntheticPegOptions.DepegDurationBars) => Defaults with { DepegDurationBars = -1 },
            nameof(SyntheticPegOptions.BaseVolume) => Defaults with { BaseVolume = -1 },
            _ => Defaults with { StartMs = Defaults.StartMs + 1 },
        };

        var error = Assert.Throws<ArgumentException>(() => SyntheticPegSeries.Generate(Usdc, bad));
        Assert.Equal(option, error.ParamName);
    }

    [Fact]
    public void Options_should_default_to_thirty_days_of_1m_bars_from_2025_with_a_0001_tick()
    {
        var options = new SyntheticPegOptions();

        Assert.Equal(Price.Parse("0.0001"), options.TickSize);
        Assert.Equal(42UL, options.Seed);
        Assert.Equal("2025-01-01T00:00:00Z", ActorArb.Domain.Time.UnixTime.ToIso(options.StartMs));
        Assert.Equal(30 * 1_440, options.Bars);
        Assert.Equal(14 * 1_440, options.DepegStartBar);
        Assert.Equal(3 * 1_440, options.DepegDurationBars);
        Assert.Equal(options, new SyntheticPegOptions(TickSize: Price.Parse("0.0001")));
    }

    [Fact]
    public void DepegFraction_should_drop_over_a_twelfth_of_the_episode_then_recover_to_zero()
    {
        const int start = 100;
        const int duration = 1_200;

        Assert.Equal(0.0, SyntheticPegSeries.DepegFraction(start - 1, start, duration));
        Assert.Equal(0.0, SyntheticPegSeries.DepegFraction(start, start, duration));
        Assert.Equal(0.5, SyntheticPegSeries.DepegFraction(start + 50, start, duration));
        Assert.Equal(1.0, SyntheticPegSeries.DepegFraction(start + 100, start, duration));
        Assert.Equal(0.5, SyntheticPegSeries.DepegFraction(start + 100 + 550, start, duration));
        Assert.Equal(0.0, SyntheticPegSeries.DepegFraction(start + duration, start, duration));
        Assert.Equal(0.0, SyntheticPegSeries.DepegFraction(start + 10, start, 0));
        for (var bar = start; bar < start + 100; bar++)
        {
            Assert.True(SyntheticPegSeries.DepegFraction(bar + 1, start, duration) > SyntheticPegSeries.DepegFraction(bar, start, duration));
        }

        for (var bar = start + 100; bar < start + duration - 1; bar++)
        {
            Assert.True(SyntheticPegSeries.DepegFraction(bar + 1, start, duration) < SyntheticPegSeries.DepegFraction(bar, start, duration));
        }
    }

    private static string Describe(Candle c) => $"{c.Open} {c.High} {c.Low} {c.Close} {c.Volume:R}";
}
