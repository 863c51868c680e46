using ActorArb.Domain.Market;
using ActorArb.Domain.Validation;
using static ActorArb.Domain.Tests.Validation.ValidationRows;

namespace ActorArb.Domain.Tests.Validation;

public sealed class CrossSeriesValidatorSpecs
{
    private static readonly InstrumentId Binance = new("binance", "USDC/USD");

    [Fact]
    public void Compare_should_report_a_run_of_aligned_bars_beyond_the_threshold_with_its_extent_and_largest_divergence()
    {
        var first = Series(Kraken, Closes(0, "1", "1", "1", "1", "1", "1.02", "1.03", "1.02", "1", "1"));
        var second = Series(Binance, Closes(0, "1", "1", "1", "1", "1", "1", "1", "1", "1", "1").Where(b => b.TimeMs != Minute(3)));

        var report = CrossSeriesValidator.Compare(first, second, ValidationOptions.Default);

        Assert.Equal(9, report.AlignedBars);
        Assert.Equal(3, report.DivergentBars);
        var run = Assert.Single(report.Runs);
        Assert.Same(run, report.LongestRun);
        Assert.Equal((Minute(5), Minute(8), 3), (run.TimeMs!.Value, run.EndTimeMs!.Value, run.Bars));
        Assert.Equal(0.03, run.Value!.Value, 12);
        Assert.Equal("kraken:USDC/USD vs binance:USDC/USD: closes differ by more than 1% over 3 aligned bars from 2023-03-01T00:05:00Z to 2023-03-01T00:07:00Z; largest +3% at 2023-03-01T00:06:00Z", run.Message);
        Assert.Equal(Minute(6), report.Largest!.Value.TimeMs);
        Assert.Equal(ValidationVerdict.Warn, report.Verdict);
    }

    [Fact]
    public void Compare_should_keep_a_run_going_across_bars_missing_from_one_series()
    {
        var first = Series(Kraken, Closes(0, "1", "0.95", "0.95", "0.95", "1"));
        var second = Series(Binance, Closes(0, "1", "1", "1", "1", "1").Where(b => b.TimeMs != Minute(2)));

        var report = CrossSeriesValidator.Compare(first, second, ValidationOptions.Default);

        Assert.Equal(2, Assert.Single(report.Runs).Bars);
    }

    [Fact]
    public void Compare_should_not_count_a_divergence_equal_to_the_threshold()
    {
        var first = Series(Kraken, Closes(0, "1.5", "1.5"));
        var second = Series(Binance, Closes(0, "1", "1"));

        var report = CrossSeriesValidator.Compare(first, second, new ValidationOptions(DivergenceThreshold: 0.5));

        Assert.Empty(report.Runs);
        Assert.Equal(ValidationVerdict.Pass, report.Verdict);
        Assert.Equal(0.5, report.Largest!.Value.Divergence);
    }

    [Fact]
    public void Compare_should_name_the_earliest_of_the_longest_runs()
    {
        var first = Series(Kraken, Closes(0, "1.1", "1.1", "1", "1.1", "1", "1.1", "1.1"));
        var second = Series(Binance, Closes(0, "1", "1", "1", "1", "1", "1", "1"));

        var report = CrossSeriesValidator.Compare(first, second, ValidationOptions.Default);

        Assert.Equal([2, 1, 2], report.Runs.Select(r => r.Bars));
        Assert.Equal(Minute(0), report.LongestRun!.TimeMs);
    }

    [Fact]
    public void Compare_should_leave_out_the_bars_a_validation_set_aside()
    {
        var first = Series(Kraken, [Bar(0, "1"), Row(1, "1", "0.5", "1", "1"), Bar(2, "1")]);
        var second = Series(Binance, Closes(0, "1", "1", "1"));

        var report = CrossSeriesValidator.Compare(first, second, ValidationOptions.Default);

        Assert.Equal([Minute(0), Minute(2)], report.Points.Select(p => p.TimeMs));
    }

    [Fact]
    public void Compare_should_refuse_series_of_different_symbols_or_timeframes()
    {
        var usd = Series(Kraken, Closes(0, "1"));
        var usdt = Series(new InstrumentId("binance", "USDC/USDT"), Closes(0, "1"));
        var hourly = usd with { Timeframe = new Timeframe(3_600_000) };

        Assert.False(CrossSeriesValidator.Comparable(usd, usdt));
        Assert.False(CrossSeriesValidator.Comparable(usd, hourly));
        Assert.True(CrossSeriesValidator.Comparable(usd, Series(Binance, Closes(0, "1"))));
        Assert.Throws<ArgumentException>(() => CrossSeriesValidator.Compare(usd, usdt, ValidationOptions.Default));
    }

    private static SeriesValidation Series(InstrumentId instrument, IEnumerable<CandleRow> rows) =>
        CandleValidator.Validate(instrument, Timeframe.OneMinute, [.. rows], [], ValidationOptions.Default);
}
