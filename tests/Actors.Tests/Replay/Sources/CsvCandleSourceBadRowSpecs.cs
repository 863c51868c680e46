using ActorArb.Actors.Replay.Sources;
using ActorArb.Domain.Market;

namespace ActorArb.Actors.Tests.Replay.Sources;

public sealed class CsvCandleSourceBadRowSpecs : IDisposable
{
    private const string Header = CsvCandleSource.Header;
    private const string Good0 = "1677628800000,1,1,1,1,5";
    private const string Good2 = "1677628920000,1,1.0001,0.9999,1,7";

    private static readonly Instrument Usdc = new(new InstrumentId("kraken", "USDC/USD"), Price.Parse("0.0001"), Price.Parse("1"));
    private readonly TempCsvFiles files = new();

    public void Dispose() => files.Dispose();

    public static TheoryData<string, string> BadRows => new()
    {
        { "1677628860000,1,1,1,1", DataProblems.WrongColumnCount },
        { "1677628860000,1,1,1,1,5,9", DataProblems.WrongColumnCount },
        { "", DataProblems.WrongColumnCount },
        { "2023-03-01 00:01,1,1,1,1,5", DataProblems.UnparsableTimestamp },
        { "-1677628860000,1,1,1,1,5", DataProblems.UnparsableTimestamp },
        { "1677628860000,one,1,1,1,5", DataProblems.UnparsablePrice },
        { "1677628860000,1,1,1,1.0000000001,5", DataProblems.UnparsablePrice },
        { "1677628860000,1,1,,1,5", DataProblems.UnparsablePrice },
        { "1677628860000,1,1,1,1,lots", DataProblems.UnparsableVolume },
        { "1677628860000,1,1,1,1,NaN", DataProblems.UnparsableVolume },
        { "1677628860000,1,1,1,1,", DataProblems.UnparsableVolume },
        { "1677628860000,0,1,0,1,5", DataProblems.NonPositivePrice },
        { "1677628860000,-1,1,-1,1,5", DataProblems.NonPositivePrice },
        { "1677628860000,1,0.999,1.001,1,5", DataProblems.HighBelowLow },
        { "1677628860000,1.002,1.001,0.999,1,5", DataProblems.OpenCloseOutsideRange },
        { "1677628860000,1,1.001,0.999,0.998,5", DataProblems.OpenCloseOutsideRange },
        { "1677628860000,1,1,1,1,-0.5", DataProblems.NegativeVolume },
        { "1677628860001,1,1,1,1,5", DataProblems.MisalignedTimestamp },
        { "1677628740000,1,1,1,1,5", DataProblems.TimeGoesBackwards },
        { "1677628800000,1,1,1,1,5", DataProblems.DuplicateTimestamp },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public void CsvCandleSource_should_skip_count_and_sample_a_bad_row_when_the_policy_is_skip(string row, string problem)
    {
        var path = files.Write("bad.csv", Header, Good0, row, Good2);
        using var source = new CsvCandleSource(path, Usdc, Timeframe.OneMinute, new CsvSourceOptions(BadRowPolicy.Skip));

        var candles = ReadAll(source);

        Assert.Equal([1_677_628_800_000, 1_677_628_920_000], candles.Select(c => c.OpenTimeMs));
        Assert.Equal(3, source.Quality.RowsRead);
        Assert.Equal(2, source.Quality.RowsAccepted);
        Assert.Equal(1, source.Quality.RowsSkipped);
        Assert.Equal(1, source.Quality.CountOf(problem));
        Assert.Single(source.Quality.ProblemCounts);
        var sample = Assert.Single(source.Quality.Samples);
        Assert.StartsWith($"{path}:3: {problem}", sample, StringComparison.Ordinal);
        Assert.EndsWith($": {row}", sample, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BadRows))]
    public void CsvCandleSource_should_throw_naming_file_and_line_when_the_policy_is_stop(string row, string problem)
    {
        var path = files.Write("bad.csv", Header, Good0, row, Good2);
        using var source = new CsvCandleSource(path, Usdc, Timeframe.OneMinute, new CsvSourceOptions(BadRowPolicy.Stop));
        var candles = new List<Candle>();

        var error = Assert.Throws<DataFormatException>(() => source.ReadCandles(candles, 100));

        Assert.Equal(path, error.File);
        Assert.Equal(3, error.Line);
        Assert.StartsWith(problem, error.Reason, StringComparison.Ordinal);
        Assert.Equal($"{path}:3: {error.Reason}: {row}", error.Message);
        Assert.Throws<InvalidOperationException>(() => source.ReadCandles(candles, 100));
    }

    [Fact]
    public void CsvCandleSource_should_keep_an_off_tick_row_and_count_it_as_a_warning()
    {
        var path = files.Write("offtick.csv", Header, Good0, "1677628860000,1,1.00005,0.9999,1,5", Good2);
        using var source = new CsvCandleSource(path, Usdc, Timeframe.OneMinute, new CsvSourceOptions(BadRowPolicy.Stop));

        var candles = ReadAll(source);

        Assert.Equal(3, candles.Count);
        Assert.Equal(Price.Parse("1.00005"), candles[1].High);
        Assert.Equal(0, source.Quality.RowsSkipped);
        Assert.Equal(3, source.Quality.RowsAccepted);
        Assert.Equal(1, source.Quality.CountOf(DataProblems.OffTickPrice));
        Assert.StartsWith($"{path}:3: {DataProblems.OffTickPrice} (0.0001)", Assert.Single(source.Quality.Samples), StringComparison.Ordinal);
    }

    [Fact]
    public void CsvCandleSource_should_compare_time_with_the_last_accepted_row_not_a_skipped_one()
    {
        // The far-future row is refused as misaligned, so the next row is judged against 00:00, not against it.
        var path = files.Write("order.csv", Header, Good0, "1777628860001,1,1,1,1,5", "1677628860000,1,1,1,1,5");
        using var source = new CsvCandleSource(path, Usdc, Timeframe.OneMinute, CsvSourceOptions.Default);

        Assert.Equal(2, ReadAll(source).Count);
        Assert.Equal(1, source.Quality.RowsSkipped);
    }

    [Fact]
    public void CsvCandleSource_should_keep_only_the_first_twenty_samples_but_count_every_problem()
    {
        var rows = new List<string> { Header };
        for (var minute = 0; minute < 50; minute++)
        {
            rows.Add(CsvCandleSourceSpecs.Row(minute, "1,0.9,1.1,1,5"));
        }

        var path = files.Write("many.csv", [.. rows]);
        using var source = new CsvCandleSource(path, Usdc, Timeframe.OneMinute, CsvSourceOptions.Default);

        Assert.Empty(ReadAll(source));
        Assert.Equal(50, source.Quality.CountOf(DataProblems.HighBelowLow));
        Assert.Equal(DataQualityReport.MaxSamples, source.Quality.Samples.Count);
        Assert.StartsWith($"{path}:2: ", source.Quality.Samples[0], StringComparison.Ordinal);
        Assert.StartsWith($"{path}:21: ", source.Quality.Samples[^1], StringComparison.Ordinal);
        Assert.Equal($"read 50, accepted 0, skipped 50, out of range 0; {DataProblems.HighBelowLow}: 50", source.Quality.ToString());
    }

    [Fact]
    public void CsvCandleSource_should_cut_a_very_long_bad_row_in_its_sample()
    {
        var row = "1677628860000,1,1,1,1," + new string('9', 5_000) + "x";
        var path = files.Write("long.csv", Header, Good0, row);
        using var source = new CsvCandleSource(path, Usdc, Timeframe.OneMinute, CsvSourceOptions.Default);

        ReadAll(source);

        var sample = Assert.Single(source.Quality.Samples);
        Assert.EndsWith(row[..DataFormatException.MaxQuotedChars] + "…", sample, StringComparison.Ordinal);
    }

    private static List<Candle> ReadAll(HistoricalSource source)
    {
        var candles = new List<Candle>();
        while (source.ReadCandles(candles, 4_096) > 0)
        {
        }

        return candles;
    }
}
