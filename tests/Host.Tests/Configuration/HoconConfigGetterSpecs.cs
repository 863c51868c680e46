using System.Globalization;
using ActorArb.Domain.Market;
using ActorArb.Host.Configuration;

namespace ActorArb.Host.Tests.Configuration;

public sealed class HoconConfigGetterSpecs
{
    private enum Mode
    {
        Replay,
        Paper,
    }

    [Fact]
    public void Getters_should_convert_scalars_and_accept_numbers_written_as_strings()
    {
        var config = Hocon.Parse("""
            s = text
            i = -42
            l = 9007199254740993
            d = 0.25
            q = "17"
            b = true
            """);

        Assert.Equal("text", config.GetString("s"));
        Assert.Equal("-42", config.GetString("i"));
        Assert.Equal(-42, config.GetInt("i"));
        Assert.Equal(9_007_199_254_740_993L, config.GetLong("l"));
        Assert.Equal(0.25, config.GetDouble("d"));
        Assert.Equal(17, config.GetInt("q"));
        Assert.True(config.GetBoolean("b"));
    }

    [Fact]
    public void GetDecimal_and_GetPrice_should_be_exact_from_the_source_text()
    {
        var config = Hocon.Parse("fee = 0.1\ntiny = 1e-9\nbuy = 0.9973\nlong = 0.12345678901234567890123");

        Assert.Equal(0.1m, config.GetDecimal("fee"));
        Assert.Equal(0.000000001m, config.GetDecimal("tiny"));
        Assert.Equal(new Price(997_300_000), config.GetPrice("buy"));
        Assert.Equal(0.12345678901234567890123m, config.GetDecimal("long"));
    }

    [Fact]
    public void Numbers_should_parse_with_the_invariant_culture_whatever_the_current_culture()
    {
        var commaDecimal = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        commaDecimal.NumberFormat.NumberDecimalSeparator = ",";
        commaDecimal.NumberFormat.NumberGroupSeparator = ".";
        var original = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = commaDecimal;
        try
        {
            var config = Hocon.Parse("x = 1.5\nt = 1.5s");

            Assert.Equal(1.5, config.GetDouble("x"));
            Assert.Equal(1.5m, config.GetDecimal("x"));
            Assert.Equal(TimeSpan.FromMilliseconds(1500), config.GetDuration("t"));
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Fact]
    public void Getters_should_return_the_fallback_when_the_path_is_absent_or_null()
    {
        var config = Hocon.Parse("n = null\no { }");

        Assert.Equal(7, config.GetInt("absent", 7));
        Assert.Equal(7, config.GetInt("n", 7));
        Assert.Equal("dflt", config.GetString("o.absent", "dflt"));
        Assert.Equal(TimeSpan.FromSeconds(5), config.GetDuration("absent.deeper", TimeSpan.FromSeconds(5)));
        Assert.Equal(["a"], config.GetStringList("absent", ["a"]));
    }

    [Fact]
    public void Getter_without_fallback_should_fail_for_a_missing_path_naming_the_full_path()
    {
        var config = Hocon.Parse("backtest { source { kind = csv } }");

        var error = Assert.Throws<ConfigException>(() => config.GetString("backtest.source.path"));

        Assert.Equal("config.hocon: backtest.source.path: missing required setting", error.Message);
        Assert.Equal("backtest.source.path", error.ConfigPath);
        Assert.Equal(0, error.Line);
    }

    [Fact]
    public void GetConfig_should_give_a_sub_tree_whose_errors_name_the_full_path()
    {
        var config = Hocon.Parse("backtest {\n  fees {\n    maker = 0.1\n    taker = abc\n  }\n}");

        var fees = config.GetConfig("backtest").GetConfig("fees");

        Assert.Equal("backtest.fees", fees.Path);
        Assert.Equal(["maker", "taker"], fees.Keys);
        Assert.Equal(0.1m, fees.GetDecimal("maker"));
        var error = Assert.Throws<ConfigException>(() => fees.GetDecimal("taker"));
        Assert.Equal("config.hocon:4: backtest.fees.taker: expected a number, got \"abc\"", error.Message);
    }

    [Fact]
    public void GetConfig_of_a_missing_path_should_be_empty_and_still_name_the_full_path()
    {
        var source = Hocon.Parse("backtest { }").GetConfig("backtest.source");

        Assert.Equal("backtest.source", source.Path);
        Assert.Empty(source.Keys);
        Assert.Equal("{}", source.ToJson());
        Assert.Equal("csv", source.GetString("kind", "csv"));
        var error = Assert.Throws<ConfigException>(() => source.GetString("path"));
        Assert.Equal("config.hocon: backtest.source.path: missing required setting", error.Message);
    }

    [Theory]
    [InlineData("5s", 5_000)]
    [InlineData("250ms", 250)]
    [InlineData("2m", 120_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("1d", 86_400_000)]
    [InlineData("\"10 seconds\"", 10_000)]
    [InlineData("2 minutes", 120_000)]
    [InlineData("1.5h", 5_400_000)]
    [InlineData("100", 100)]
    [InlineData("-5s", -5_000)]
    public void GetDuration_should_read_a_number_with_a_unit(string literal, long milliseconds)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), Hocon.Parse($"t = {literal}").GetDuration("t"));
    }

    [Fact]
    public void GetDuration_should_keep_sub_millisecond_units()
    {
        var config = Hocon.Parse("u = 10us\nn = 300ns");

        Assert.Equal(TimeSpan.FromTicks(100), config.GetDuration("u"));
        Assert.Equal(TimeSpan.FromTicks(3), config.GetDuration("n"));
    }

    [Theory]
    [InlineData("64MiB", 67_108_864L)]
    [InlineData("1KB", 1_000L)]
    [InlineData("1kB", 1_000L)]
    [InlineData("512k", 524_288L)]
    [InlineData("1.5KiB", 1_536L)]
    [InlineData("\"2 GB\"", 2_000_000_000L)]
    [InlineData("3 gibibytes", 3_221_225_472L)]
    [InlineData("10", 10L)]
    [InlineData("1B", 1L)]
    public void GetBytes_should_read_a_number_with_a_unit(string literal, long bytes)
    {
        Assert.Equal(bytes, Hocon.Parse($"s = {literal}").GetBytes("s"));
    }

    [Fact]
    public void GetStringList_and_GetList_should_read_lists()
    {
        var config = Hocon.Parse("l = [a, \"b c\", 3, true]");

        Assert.Equal(["a", "b c", "3", "true"], config.GetStringList("l"));
        Assert.Equal(
            [HoconValueKind.String, HoconValueKind.String, HoconValueKind.Number, HoconValueKind.Boolean],
            config.GetList("l").Select(v => v.Kind));
    }

    [Fact]
    public void GetConfigList_should_give_each_object_a_path_with_its_index()
    {
        var config = Hocon.Parse("strategies = [\n  { buy = 0.99 }\n  { buy = cheap }\n]");

        var strategies = config.GetConfigList("strategies");

        Assert.Equal(0.99m, strategies[0].GetDecimal("buy"));
        Assert.Equal("strategies[1]", strategies[1].Path);
        var error = Assert.Throws<ConfigException>(() => strategies[1].GetDecimal("buy"));
        Assert.Equal("config.hocon:3: strategies[1].buy: expected a number, got \"cheap\"", error.Message);
    }

    [Fact]
    public void HasPath_should_be_false_for_absent_null_or_paths_through_a_scalar()
    {
        var config = Hocon.Parse("a { b = 1 }\nn = null\ns = 5");

        Assert.True(config.HasPath("a"));
        Assert.True(config.HasPath("a.b"));
        Assert.False(config.HasPath("a.c"));
        Assert.False(config.HasPath("n"));
        Assert.False(config.HasPath("s.x"));
        Assert.Equal(HoconValueKind.Null, config.GetValue("n")!.Kind);
    }

    [Fact]
    public void GetValue_should_report_kind_raw_text_file_and_line()
    {
        var value = Hocon.Parse("\n\nfee = 0.0010").GetValue("fee")!;

        Assert.Equal(HoconValueKind.Number, value.Kind);
        Assert.Equal("0.0010", value.RawText);
        Assert.Equal("config.hocon", value.SourceFile);
        Assert.Equal(3, value.Line);
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("on", true)]
    [InlineData("no", false)]
    [InlineData("off", false)]
    [InlineData("\"false\"", false)]
    public void GetBoolean_should_accept_yes_no_on_off(string literal, bool expected)
    {
        Assert.Equal(expected, Hocon.Parse($"b = {literal}").GetBoolean("b"));
    }

    [Fact]
    public void GetEnum_should_ignore_case_and_name_the_members_when_it_fails()
    {
        var config = Hocon.Parse("m = paper\nbad = live\nnum = 1");

        Assert.Equal(Mode.Paper, config.GetEnum<Mode>("m"));
        Assert.Equal(Mode.Replay, config.GetEnum<Mode>("absent", Mode.Replay));
        var error = Assert.Throws<ConfigException>(() => config.GetEnum<Mode>("bad"));
        Assert.Equal("config.hocon:2: bad: expected one of Replay, Paper, got \"live\"", error.Message);
        Assert.Throws<ConfigException>(() => config.GetEnum<Mode>("num"));
    }

    [Fact]
    public void InvalidValue_should_locate_a_value_a_caller_rejects()
    {
        var config = Hocon.Parse("peg {\n  buy = 1.01\n}");

        var error = config.GetConfig("peg").InvalidValue("buy", "a price below sell");

        Assert.Equal("config.hocon:2: peg.buy: expected a price below sell, got 1.01", error.Message);
    }
}
