using ActorArb.Host.Configuration;

namespace ActorArb.Host.Tests.Configuration;

public sealed class HoconIncludeSpecs : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Include_should_read_a_file_relative_to_the_including_file_and_merge_in_source_order()
    {
        _dir.Write("conf/common/fees.hocon", "fees { maker = 0.1, taker = 0.2 }\nvenue = kraken");
        var main = _dir.Write("conf/main.hocon", """
            venue = coinbase
            include "common/fees.hocon"
            fees.taker = 0.25
            """);

        var config = HoconParser.ParseFile(main, _ => null);

        Assert.Equal("kraken", config.GetString("venue"));
        Assert.Equal(0.1m, config.GetDecimal("fees.maker"));
        Assert.Equal(0.25m, config.GetDecimal("fees.taker"));
    }

    [Fact]
    public void Include_inside_an_object_should_place_the_included_keys_under_it()
    {
        _dir.Write("fees.hocon", "maker = 0.1\ntaker = 0.2");
        var main = _dir.Write("main.hocon", "backtest {\n  include required(\"fees.hocon\")\n  source = csv\n}");

        var config = HoconParser.ParseFile(main, _ => null);

        Assert.Equal(["maker", "taker", "source"], config.GetConfig("backtest").Keys);
        Assert.Equal(0.2m, config.GetDecimal("backtest.taker"));
    }

    [Fact]
    public void Values_should_name_the_file_they_were_written_in_as_given()
    {
        _dir.Write("conf/fees.hocon", "\n\ntaker = 0.2");
        var main = _dir.Write("conf/main.hocon", "include \"fees.hocon\"\nmaker = 0.1");
        var relativeMain = Path.GetRelativePath(Environment.CurrentDirectory, main);

        var config = HoconParser.ParseFile(relativeMain, _ => null);

        Assert.Equal(relativeMain, config.GetValue("maker")!.SourceFile);
        Assert.Equal(2, config.GetValue("maker")!.Line);
        Assert.Equal(Path.Combine(Path.GetDirectoryName(relativeMain)!, "fees.hocon"), config.GetValue("taker")!.SourceFile);
        Assert.Equal(3, config.GetValue("taker")!.Line);
    }

    [Fact]
    public void Substitutions_in_an_included_file_should_be_relative_to_the_include_site_first()
    {
        _dir.Write("fees.hocon", "maker = 0.1\ntaker = ${maker}\nshared = ${top}");
        var main = _dir.Write("main.hocon", "top = 7\nbacktest { include \"fees.hocon\" }\nmaker = 99");

        var config = HoconParser.ParseFile(main, _ => null);

        Assert.Equal(0.1m, config.GetDecimal("backtest.taker"));
        Assert.Equal(7, config.GetInt("backtest.shared"));
    }

    [Fact]
    public void A_missing_include_should_fail_naming_the_including_file_and_line()
    {
        var main = _dir.Write("main.hocon", "a = 1\n\ninclude \"nope.hocon\"\n");

        var error = Assert.Throws<ConfigException>(() => HoconParser.ParseFile(main, _ => null));

        Assert.StartsWith($"{main}:3: include \"nope.hocon\": file not found: ", error.Message);
        Assert.Equal(3, error.Line);
        Assert.Equal(main, error.SourceFile);
    }

    [Fact]
    public void An_include_cycle_should_fail()
    {
        _dir.Write("b.hocon", "include \"a.hocon\"");
        var a = _dir.Write("a.hocon", "x = 1\ninclude \"b.hocon\"");

        var error = Assert.Throws<ConfigException>(() => HoconParser.ParseFile(a, _ => null));

        Assert.Contains("include cycle: a.hocon -> b.hocon -> a.hocon", error.Message);
    }

    [Fact]
    public void A_syntax_error_in_an_included_file_should_name_that_file()
    {
        var fees = _dir.Write("fees.hocon", "maker = 0.1\ntaker = }");
        var main = _dir.Write("main.hocon", "include \"fees.hocon\"");

        var error = Assert.Throws<ConfigException>(() => HoconParser.ParseFile(main, _ => null));

        Assert.StartsWith($"{fees}:2:9: unexpected '}}'", error.Message);
    }

    [Fact]
    public void ParseFile_should_fail_with_the_path_when_the_file_does_not_exist()
    {
        var path = Path.Combine(_dir.Root, "absent.hocon");

        var error = Assert.Throws<ConfigException>(() => HoconParser.ParseFile(path));

        Assert.StartsWith($"{path}: cannot read the config file", error.Message);
    }
}
