using ActorArb.Actors.Replay.Sources;
using ActorArb.Domain.Market;

namespace ActorArb.Actors.Tests.Replay.Sources;

public sealed class CsvTickSourceRepeatSpecs : IDisposable
{
    private const string Header = CsvTickSource.HeaderPrefix;

    private readonly TempCsvFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public void Repeat_should_shift_time_by_the_file_span_and_offset_numeric_ids_so_they_stay_contiguous()
    {
        var path = files.Write("three.csv", Header, "1000,100,1,1,buy", "1000,101,1,1,sell", "1005,102,1,1,buy");
        using var source = new CsvTickSource(path, CsvTickSourceSpecs.Btc, new CsvSourceOptions(Repeat: 3));

        var ticks = CsvTickSourceSpecs.ReadAll(source);

        Assert.Equal([1000, 1000, 1005, 1006, 1006, 1011, 1012, 1012, 1017], ticks.Select(t => t.TimeMs));
        Assert.Equal(Enumerable.Range(100, 9).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), ticks.Select(t => t.TradeId));
        Assert.Equal(9, source.Position);
        Assert.Equal(9, source.EstimatedCount);
        Assert.Equal(9, source.Quality.RowsAccepted);
        Assert.EndsWith(" x3", source.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a1", "a2")]
    [InlineData("007", "008")]
    [InlineData("-5", "-4")]
    public void Repeat_should_suffix_the_pass_to_ids_that_are_not_plain_numbers(string first, string second)
    {
        var path = files.Write("named.csv", Header, $"1000,{first},1,1,buy", $"1001,{second},1,1,buy");
        using var source = new CsvTickSource(path, CsvTickSourceSpecs.Btc, new CsvSourceOptions(Repeat: 3));

        var ids = CsvTickSourceSpecs.ReadAll(source).Select(t => t.TradeId);

        Assert.Equal([first, second, first + "#1", second + "#1", first + "#2", second + "#2"], ids);
    }

    [Fact]
    public void Repeat_should_fall_back_to_suffixes_when_offset_ids_would_overflow()
    {
        var path = files.Write("huge.csv", Header, "1000,1,1,1,buy", "1001,999999999999999999,1,1,buy");
        using var source = new CsvTickSource(path, CsvTickSourceSpecs.Btc, new CsvSourceOptions(Repeat: 10));

        var ticks = CsvTickSourceSpecs.ReadAll(source);

        Assert.Equal(20, ticks.Count);
        Assert.Equal("1#1", ticks[2].TradeId);
        Assert.Equal("999999999999999999#9", ticks[^1].TradeId);
    }

    [Fact]
    public void Repeat_should_keep_empty_ids_empty()
    {
        var path = files.Write("no-ids.csv", Header, "1000,,1,1,buy", "1001,,1,1,sell");
        using var source = new CsvTickSource(path, CsvTickSourceSpecs.Btc, new CsvSourceOptions(Repeat: 2));

        Assert.All(CsvTickSourceSpecs.ReadAll(source), t => Assert.Equal(string.Empty, t.TradeId));
    }

    [Fact]
    public void Repeat_should_apply_the_time_window_to_every_pass_on_the_files_own_times()
    {
        var path = files.Write("window.csv", Header, "1000,1,1,1,buy", "2000,2,1,1,buy", "3000,3,1,1,buy", "4000,4,1,1,buy");
        using var source = new CsvTickSource(path, CsvTickSourceSpecs.Btc, new CsvSourceOptions(FromMs: 2000, ToMs: 4000, Repeat: 2));

        var ticks = CsvTickSourceSpecs.ReadAll(source);

        // Pass 0 delivers 2000 and 3000, so the span is 1001 ms and the second pass starts at 3001.
        Assert.Equal([2000, 3000, 3001, 4001], ticks.Select(t => t.TimeMs));
        Assert.Equal(["2", "3", "4", "5"], ticks.Select(t => t.TradeId));
        Assert.Equal(4, source.Quality.RowsOutOfRange);
    }

    [Fact]
    public void Repeat_should_stop_after_the_first_pass_when_it_delivered_nothing()
    {
        var path = files.Write("outside.csv", Header, "1000,1,1,1,buy");
        using var source = new CsvTickSource(path, CsvTickSourceSpecs.Btc, new CsvSourceOptions(FromMs: 5000, Repeat: 1_000));

        Assert.Empty(CsvTickSourceSpecs.ReadAll(source));
        Assert.Equal(1, source.Position);
    }

    [Fact]
    public void Repeat_should_multiply_a_real_tape_into_unique_ids_and_non_decreasing_times()
    {
        if (SharedData.File("ticks/binance/BTCUSDT-spot-trades-20230405.csv.gz") is not { } path)
        {
            return;
        }

        using var source = new CsvTickSource(path, CsvTickSourceSpecs.Btc, new CsvSourceOptions(Repeat: 3));
        Assert.InRange(source.EstimatedCount!.Value, 0.9 * 3 * 3_144, 1.1 * 3 * 3_144);

        var ticks = CsvTickSourceSpecs.ReadAll(source);

        Assert.Equal(3 * 3_144, ticks.Count);
        Assert.Equal(ticks.Count, ticks.Select(t => t.TradeId).Distinct().Count());
        for (var i = 1; i < ticks.Count; i++)
        {
            Assert.True(ticks[i].TimeMs >= ticks[i - 1].TimeMs, $"tick {i} goes back in time");
        }

        var span = ticks[3_143].TimeMs - ticks[0].TimeMs + 1;
        Assert.Equal(ticks[0].TimeMs + (2 * span), ticks[2 * 3_144].TimeMs);
        Assert.Equal(ticks[0] with { TimeMs = ticks[0].TimeMs + span, TradeId = (long.Parse(ticks[0].TradeId, System.Globalization.CultureInfo.InvariantCulture) + 3_144).ToString(System.Globalization.CultureInfo.InvariantCulture) }, ticks[3_144]);
        Assert.Equal(3 * 3_144, source.EstimatedCount);
    }
}
