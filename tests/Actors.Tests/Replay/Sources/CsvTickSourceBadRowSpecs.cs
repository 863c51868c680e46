using ActorArb.Actors.Replay.Sources;
using ActorArb.Domain.Market;

namespace ActorArb.Actors.Tests.Replay.Sources;

public sealed class CsvTickSourceBadRowSpecs : IDisposable
{
    private const string Header = CsvTickSource.HeaderPrefix + ",first_trade_id";
    private const string Good1 = "1000,100,28165.47,0.5,buy,9";
    private const string Good3 = "1002,102,28165.48,0.25,sell,11";

    private readonly TempCsvFiles files = new();

    public void Dispose() => files.Dispose();

    public static TheoryData<string, string> BadRows => new()
    {
        { "1001,101,28165.47,0.5,buy", DataProblems.WrongColumnCount },
        { "1001,101,28165.47,0.5,buy,10,extra", DataProblems.WrongColumnCount },
        { "1001;101;28165.47;0.5;buy;10", DataProblems.WrongColumnCount },
        { "1001.5,101,28165.47,0.5,buy,10", DataProblems.UnparsableTimestamp },
        { ",101,28165.47,0.5,buy,10", DataProblems.UnparsableTimestamp },
        { "1001,101,28165.4.7,0.5,buy,10", DataProblems.UnparsablePrice },
        { "1001,101,1e4,0.5,buy,10", DataProblems.UnparsablePrice },
        { "1001,101,28165.47,half,buy,10", DataProblems.UnparsableVolume },
        { "1001,101,28165.47,Infinity,buy,10", DataProblems.UnparsableVolume },
        { "1001,101,28165.47,0.5,b,10", DataProblems.UnparsableSide },
        { "1001,101,28165.47,0.5,,10", DataProblems.UnparsableSide },
        { "1001,101,0,0.5,buy,10", DataProblems.NonPositivePrice },
        { "1001,101,-28165.47,0.5,buy,10", DataProblems.NonPositivePrice },
        { "1001,101,28165.47,-0.5,buy,10", DataProblems.NegativeVolume },
        { "999,101,28165.47,0.5,buy,10", DataProblems.TimeGoesBackwards },
        { "1001,100,28165.47,0.5,buy,10", DataProblems.DuplicateTradeId },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public void CsvTickSource_should_skip_count_and_sample_a_bad_row_when_the_policy_is_skip(string row, string problem)
    {
        var path = files.Write("bad.csv", Header, Good1, row, Good3);
        using var source = new CsvTickSource(path, CsvTickSourceSpecs.Btc, new CsvSourceOptions(BadRowPolicy.Skip));

        var ticks = CsvTickSourceSpecs.ReadAll(source);

        Assert.Equal(["100", "102"], ticks.Select(t => t.TradeId));
        Assert.Equal(1, source.Quality.RowsSkipped);
        Assert.Equal(2, source.Quality.RowsAccepted);
        Assert.Equal(1, source.Quality.CountOf(problem));
        Assert.Single(source.Quality.ProblemCounts);
        var sample = Assert.Single(source.Quality.Samples);
        Assert.StartsWith($"{path}:3: {problem}", sample, StringComparison.Ordinal);
        Assert.EndsWith($": {row}", sample, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BadRows))]
    public void CsvTickSource_should_throw_naming_file_and_line_when_the_policy_is_stop(string row, string problem)
    {
        var path = files.Write("bad.csv", Header, Good1, row, Good3);
        using var source = new CsvTickSource(path, CsvTickSourceSpecs.Btc, new CsvSourceOptions(BadRowPolicy.Stop));
        var ticks = new List<TradeTick>();

        var error = Assert.Throws<DataFormatException>(() => source.ReadTicks(ticks, 100));

        Assert.Equal(path, error.File);
        Assert.Equal(3, error.Line);
        Assert.StartsWith(problem, error.Reason, StringComparison.Ordinal);
        Assert.Equal($"{path}:3: {error.Reason}: {row}", error.Message);
        Assert.Throws<InvalidOperationException>(() => source.ReadTicks(ticks, 100));
    }

    [Fact]
    public void CsvTickSource_should_keep_an_off_tick_price_and_count_it_as_a_warning()
    {
        var path = files.Write("offtick.csv", Header, Good1, "1001,101,28165.475,0.5,buy,10", Good3);
        using var source = new CsvTickSource(path, CsvTickSourceSpecs.Btc, new CsvSourceOptions(BadRowPolicy.Stop));

        var ticks = CsvTickSourceSpecs.ReadAll(source);

        Assert.Equal(3, ticks.Count);
        Assert.Equal(Price.Parse("28165.475"), ticks[1].Price);
        Assert.Equal(1, source.Quality.CountOf(DataProblems.OffTickPrice));
        Assert.Equal(0, source.Quality.RowsSkipped);
    }

    [Fact]
    public void CsvTickSource_should_not_treat_two_empty_trade_ids_as_duplicates()
    {
        var path = files.Write("no-ids.csv", Header, "1000,,1,1,buy,", "1000,,1,1,buy,");
        using var source = new CsvTickSource(path, CsvTickSourceSpecs.Btc, new CsvSourceOptions(BadRowPolicy.Stop));

        Assert.Equal(2, CsvTickSourceSpecs.ReadAll(source).Count);
    }
}
