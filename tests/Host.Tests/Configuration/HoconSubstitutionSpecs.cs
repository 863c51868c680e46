using ActorArb.Host.Configuration;

namespace ActorArb.Host.Tests.Configuration;

public sealed class HoconSubstitutionSpecs
{
    [Fact]
    public void Substitution_should_see_the_final_value_of_its_target_wherever_it_is_defined()
    {
        var config = Hocon.Parse("a = ${b}\nb = 1\nb = 2.50");

        var a = config.GetValue("a")!;
        Assert.Equal(HoconValueKind.Number, a.Kind);
        Assert.Equal("2.50", a.RawText);
        Assert.Equal(1, a.Line);
    }

    [Fact]
    public void Object_substitution_should_copy_the_object_and_merge_with_a_following_object()
    {
        var config = Hocon.Parse("""
            base { x = 1, y = 1 }
            copy = ${base}
            derived = ${base} { y = 2, z = 3 }
            patched = ${base}
            patched.y = 4
            """);

        Assert.Equal("""{"x":1,"y":1}""", config.GetConfig("copy").ToJson());
        Assert.Equal("""{"x":1,"y":2,"z":3}""", config.GetConfig("derived").ToJson());
        Assert.Equal("""{"x":1,"y":4}""", config.GetConfig("patched").ToJson());
    }

    [Fact]
    public void Substitution_into_a_setting_still_being_merged_should_see_its_other_definitions()
    {
        var config = Hocon.Parse("""
            defaults { fee = 0.1, venue { name = x } }
            coinbase = ${defaults}
            coinbase.maker = ${coinbase.fee}
            coinbase.venue.id = 7
            copy = ${coinbase.venue}
            """);

        Assert.Equal(0.1m, config.GetDecimal("coinbase.maker"));
        Assert.Equal("""{"name":"x","id":7}""", config.GetConfig("copy").ToJson());
    }

    [Fact]
    public void Optional_substitution_of_nothing_should_omit_the_key()
    {
        var config = Hocon.Parse("a = ${?nope}\nb = 1");

        Assert.False(config.HasPath("a"));
        Assert.Null(config.GetValue("a"));
        Assert.Equal(["b"], config.Keys);
    }

    [Fact]
    public void Optional_substitution_of_nothing_should_keep_the_earlier_value()
    {
        const string text = "port = 8080\nport = ${?PORT}";

        Assert.Equal(8080, Hocon.Parse(text).GetInt("port"));
        Assert.Equal(9090, Hocon.Parse(text, new Dictionary<string, string> { ["PORT"] = "9090" }).GetInt("port"));
    }

    [Fact]
    public void Substitution_should_fall_back_to_the_environment_only_when_the_config_lacks_the_path()
    {
        var environment = new Dictionary<string, string> { ["DB_PASSWORD"] = "s3cret", ["user"] = "from-env", ["HOME"] = "/home/x" };

        var config = Hocon.Parse("""
            user = from-config
            db { password = ${DB_PASSWORD}, user = ${user}, home = ${?HOME}, shell = ${?SHELL} }
            """, environment);

        Assert.Equal("s3cret", config.GetString("db.password"));
        Assert.Equal("from-config", config.GetString("db.user"));
        Assert.Equal("/home/x", config.GetString("db.home"));
        Assert.False(config.HasPath("db.shell"));
    }

    [Fact]
    public void Substitutions_should_concatenate_with_strings_on_one_line()
    {
        var config = Hocon.Parse("""
            host = localhost
            port = 8080
            url = "http://"${host}":"${port}/api
            greeting = hello ${host} and ${?nothing}bye
            """);

        Assert.Equal("http://localhost:8080/api", config.GetString("url"));
        Assert.Equal("hello localhost and bye", config.GetString("greeting"));
    }

    [Fact]
    public void Self_reference_should_mean_the_earlier_value_of_the_same_setting()
    {
        var config = Hocon.Parse("""
            path = /bin
            path = ${path}":/usr/bin"
            list = [1]
            list = ${list} [2]
            """);

        Assert.Equal("/bin:/usr/bin", config.GetString("path"));
        Assert.Equal(["1", "2"], config.GetStringList("list"));
    }

    [Fact]
    public void Substitutions_in_lists_should_resolve_and_undefined_optional_elements_should_be_dropped()
    {
        var config = Hocon.Parse("a = 1\nxs = [${a}, ${?nope}, 3]");

        Assert.Equal(["1", "3"], config.GetStringList("xs"));
    }

    [Fact]
    public void Substitution_path_should_accept_quoted_segments()
    {
        var config = Hocon.Parse("\"a.b\" { c = 5 }\nx = ${\"a.b\".c}");

        Assert.Equal(5, config.GetInt("x"));
    }

    [Fact]
    public void Unresolvable_required_substitution_should_fail_naming_file_line_and_setting()
    {
        var error = Hocon.ParseError("a {\n  b = ${missing.key}\n}");

        Assert.Equal(
            "config.hocon:2: a.b: could not resolve substitution ${missing.key}: no such setting and no environment variable missing.key",
            error.Message);
        Assert.Equal("a.b", error.ConfigPath);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void A_substitution_cycle_should_fail_naming_the_substitutions()
    {
        var error = Hocon.ParseError("a = ${b}\nb = ${c}\nc = ${a}");

        Assert.Contains("substitution cycle: ${b} -> ${c} -> ${a}", error.Message);
        Assert.StartsWith("config.hocon:", error.Message);
    }

    [Fact]
    public void A_substitution_of_an_enclosing_object_should_fail_as_a_cycle()
    {
        var error = Hocon.ParseError("a {\n  b = ${a}\n}");

        Assert.Equal("config.hocon:2: a.b: substitution cycle: ${a}", error.Message);
    }

    [Fact]
    public void A_required_self_reference_without_an_earlier_value_should_fail()
    {
        var error = Hocon.ParseError("a = ${a} x");

        Assert.Equal("config.hocon:1: a: ${a} refers to this setting itself, which has no earlier value", error.Message);
    }
}
