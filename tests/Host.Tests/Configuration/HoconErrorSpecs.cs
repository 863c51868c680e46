using ActorArb.Host.Configuration;

namespace ActorArb.Host.Tests.Configuration;

public sealed class HoconErrorSpecs
{
    [Theory]
    [InlineData("a {\n  b = 1\n}}", "config.hocon:3:2: unexpected '}'; there is no '{' open here for it to close")]
    [InlineData("}", "config.hocon:1:1: unexpected '}'; there is no '{' open here for it to close")]
    [InlineData("a {\n  b = 1\n", "config.hocon:3:1: unexpected end of file; expected '}' to close the object opened at 1:3")]
    [InlineData("a = [1, 2", "config.hocon:1:10: unexpected end of file; expected ']' to close the list opened at 1:5")]
    [InlineData("a = [1, 2\nb = 3", "config.hocon:2:3: unexpected '='; expected ',', a new line or ']' after a list element")]
    [InlineData("a = \"abc", "config.hocon:1:5: unterminated string; a quoted string must end on the line it starts on")]
    [InlineData("a = \"\"\"abc", "config.hocon:1:5: unterminated triple-quoted string; expected a closing \"\"\"")]
    [InlineData("a = \"x\\q\"", "config.hocon:1:7: invalid escape '\\q' in a quoted string")]
    [InlineData("a =\nb = 1", "config.hocon:1:4: unexpected end of line; expected a value for a")]
    [InlineData("a 1\n", "config.hocon:1:4: unexpected end of line; expected ':', '=' or '{' after the key \"a 1\"")]
    [InlineData("a = 1,, b = 2", "config.hocon:1:7: unexpected ','; expected a key")]
    [InlineData("a = 1 } b", "config.hocon:1:7: unexpected '}'; there is no '{' open here for it to close")]
    [InlineData("a = 1 2 ]", "config.hocon:1:9: unexpected ']'; there is no '[' open here for it to close")]
    [InlineData("a { b = 1 c = 2 }", "config.hocon:1:13: unexpected '='; expected ',' or a new line after a value")]
    [InlineData("url = http://example.com", "config.hocon:1:11: unexpected ':'; expected ',' or a new line after a value (quote a string that contains ':')")]
    [InlineData("a = foo@bar", "config.hocon:1:8: unexpected '@'; quote strings that contain it")]
    [InlineData("a = 1 + 2", "config.hocon:1:7: unexpected '+'; did you mean '+='? (quote strings that contain '+')")]
    [InlineData("a = $x", "config.hocon:1:5: unexpected '$'; a substitution is written ${path}")]
    [InlineData("a = ${b", "config.hocon:1:5: unterminated substitution; expected '}' on the same line")]
    [InlineData("a = ${}", "config.hocon:1:5: invalid substitution ${}: the path is empty")]
    [InlineData("a..b = 1", "config.hocon:1:1: the key 'a..b' has an empty path segment")]
    [InlineData("[1, 2]", "config.hocon:1:1: unexpected '['; the root of a config file must be an object")]
    [InlineData("{ a = 1 } b = 2", "config.hocon:1:11: unexpected 'b'; expected nothing after the '}' that closes the root object")]
    [InlineData("include url(\"x\")", "config.hocon:1:9: unsupported include form 'url('; use include \"file\", required(\"file\") or file(\"file\")")]
    public void Malformed_text_should_fail_with_line_and_column(string text, string message)
    {
        var error = Hocon.ParseError(text);

        Assert.Equal(message, error.Message);
        Assert.Equal("config.hocon", error.SourceFile);
        Assert.Null(error.ConfigPath);
    }

    [Fact]
    public void A_value_of_the_wrong_type_should_fail_naming_file_line_path_expectation_and_value()
    {
        var text = string.Concat(Enumerable.Repeat("# header\n", 11)) + "backtest {\n  fees {\n    taker = abc\n  }\n}";
        var config = Hocon.Parse(text);

        var error = Assert.Throws<ConfigException>(() => config.GetDecimal("backtest.fees.taker"));

        Assert.Equal("config.hocon:14: backtest.fees.taker: expected a number, got \"abc\"", error.Message);
        Assert.Equal("config.hocon", error.SourceFile);
        Assert.Equal(14, error.Line);
        Assert.Equal("backtest.fees.taker", error.ConfigPath);
    }

    [Fact]
    public void Reading_a_scalar_from_an_object_or_a_list_should_fail()
    {
        var config = Hocon.Parse("a { b = 1 }\nl = [1]\ns = 5");

        Assert.Equal("config.hocon:1: a: expected a string, got an object",
            Assert.Throws<ConfigException>(() => config.GetString("a")).Message);
        Assert.Equal("config.hocon:2: l: expected a 64-bit integer, got a list",
            Assert.Throws<ConfigException>(() => config.GetLong("l")).Message);
        Assert.Equal("config.hocon:3: s: expected a list, got 5",
            Assert.Throws<ConfigException>(() => config.GetStringList("s")).Message);
        Assert.Equal("config.hocon:3: s: expected an object, got 5",
            Assert.Throws<ConfigException>(() => config.GetConfig("s")).Message);
    }

    [Theory]
    [InlineData("1.5", "config.hocon:1: i: expected a 32-bit integer, got 1.5")]
    [InlineData("3000000000", "config.hocon:1: i: expected a 32-bit integer, got 3000000000")]
    [InlineData("null", "config.hocon:1: i: expected a 32-bit integer, got null")]
    [InlineData("\"\"", "config.hocon:1: i: expected a 32-bit integer, got \"\"")]
    public void GetInt_should_reject_what_is_not_a_32_bit_integer(string literal, string message)
    {
        var config = Hocon.Parse($"i = {literal}");

        Assert.Equal(message, Assert.Throws<ConfigException>(() => config.GetInt("i")).Message);
    }

    [Fact]
    public void A_path_through_a_scalar_should_fail_naming_the_scalar()
    {
        var config = Hocon.Parse("fees = 0.1");

        var error = Assert.Throws<ConfigException>(() => config.GetDecimal("fees.taker", 0.2m));

        Assert.Equal("config.hocon:1: fees: expected an object, got 0.1", error.Message);
        Assert.Throws<ConfigException>(() => config.GetStringList("fees.venues", ["kraken"]));
    }

    [Theory]
    [InlineData("t = 5 parsecs", "config.hocon:1: t: expected a duration such as 5s, 250ms, 2m or \"10 seconds\", got \"5 parsecs\"")]
    [InlineData("t = s5", "config.hocon:1: t: expected a duration such as 5s, 250ms, 2m or \"10 seconds\", got \"s5\"")]
    [InlineData("t = 99999999999d", "config.hocon:1: t: expected a duration such as 5s, 250ms, 2m or \"10 seconds\", got \"99999999999d\"")]
    public void GetDuration_should_reject_unknown_units_and_overflow(string text, string message)
    {
        Assert.Equal(message, Assert.Throws<ConfigException>(() => Hocon.Parse(text).GetDuration("t")).Message);
    }

    [Theory]
    [InlineData("1.5B")]
    [InlineData("-1k")]
    [InlineData("9EiB")]
    [InlineData("12 furlongs")]
    public void GetBytes_should_reject_fractions_negatives_overflow_and_unknown_units(string literal)
    {
        var error = Assert.Throws<ConfigException>(() => Hocon.Parse($"s = {literal}").GetBytes("s"));

        Assert.StartsWith("config.hocon:1: s: expected a size such as 512k, 1KB or 64MiB, got ", error.Message);
    }

    [Fact]
    public void Concatenating_an_object_with_a_string_should_fail()
    {
        var error = Hocon.ParseError("x = 1\na = { x = 1 } foo");

        Assert.Equal("config.hocon:2: a: cannot concatenate an object with \"foo\"", error.Message);
    }

    [Fact]
    public void A_list_element_of_the_wrong_type_should_be_named_by_its_index()
    {
        var config = Hocon.Parse("l = [a,\n  { x = 1 }]");

        var error = Assert.Throws<ConfigException>(() => config.GetStringList("l"));

        Assert.Equal("config.hocon:2: l[1]: expected a string, got an object", error.Message);
    }

    [Fact]
    public void EnsureOnlyKeys_should_name_an_unknown_key_and_suggest_the_closest_allowed_one()
    {
        var backtest = Hocon.Parse("backtest {\n  fees = 1\n  feees = 2\n}").GetConfig("backtest");

        var error = Assert.Throws<ConfigException>(() => backtest.EnsureOnlyKeys("fees", "source"));

        Assert.Equal("config.hocon:3: backtest.feees: unknown setting; did you mean \"fees\"?", error.Message);
        Assert.Equal("backtest.feees", error.ConfigPath);
    }

    [Fact]
    public void EnsureOnlyKeys_should_list_the_allowed_keys_when_none_is_close()
    {
        var config = Hocon.Parse("source = csv\nzzz = 1");

        var error = Assert.Throws<ConfigException>(() => config.EnsureOnlyKeys("source", "fees"));

        Assert.Equal("config.hocon:2: zzz: unknown setting; expected one of: source, fees", error.Message);
    }

    [Fact]
    public void EnsureOnlyKeys_should_accept_a_config_using_only_allowed_keys()
    {
        var config = Hocon.Parse("source = csv\nfees = 1");

        config.EnsureOnlyKeys("fees", "source", "strategy");
        config.GetConfig("absent").EnsureOnlyKeys();
    }

    [Fact]
    public void A_malformed_path_argument_should_be_a_programming_error()
    {
        var config = Hocon.Parse("a = 1");

        Assert.Throws<ArgumentException>(() => config.GetInt("a..b"));
        Assert.Throws<ArgumentException>(() => config.HasPath(string.Empty));
    }
}
