using ActorArb.Host.Configuration;

namespace ActorArb.Host.Tests.Configuration;

public sealed class HoconParserSpecs
{
    [Fact]
    public void Parser_should_ignore_hash_and_double_slash_comments_but_not_inside_quotes()
    {
        var config = Hocon.Parse("""
            # a whole-line comment
            a = 1 # after a value
            b = two// right after an unquoted string
            // c = 3
            d = "x # y // z"
            """);

        Assert.Equal(["a", "b", "d"], config.Keys);
        Assert.Equal(1, config.GetInt("a"));
        Assert.Equal("two", config.GetString("b"));
        Assert.Equal("x # y // z", config.GetString("d"));
    }

    [Fact]
    public void Parser_should_accept_equals_colon_or_nothing_before_an_object()
    {
        var config = Hocon.Parse("""
            a = 1
            b : 2
            c { d = 3 }
            e = { f : 4 }
            """);

        Assert.Equal(2, config.GetInt("b"));
        Assert.Equal(3, config.GetInt("c.d"));
        Assert.Equal(4, config.GetInt("e.f"));
    }

    [Fact]
    public void Parser_should_accept_windows_line_endings_and_a_byte_order_mark()
    {
        var config = Hocon.Parse("\uFEFFa = 1\r\nb = two words\r\nc {\r\n  d = \"x\"\r\n}\r\n");

        Assert.Equal(1, config.GetInt("a"));
        Assert.Equal("two words", config.GetString("b"));
        Assert.Equal("x", config.GetString("c.d"));
        Assert.Equal(4, config.GetValue("c.d")!.Line);
    }

    [Fact]
    public void A_key_named_include_should_be_a_key_when_no_file_name_follows()
    {
        var config = Hocon.Parse("include = yes\nx = ${include}");

        Assert.True(config.GetBoolean("x"));
    }

    [Fact]
    public void Parser_should_accept_a_braced_root_with_comma_separators()
    {
        var config = Hocon.Parse("""{ "a": 1, "b": { "c": true }, d = x }""");

        Assert.Equal(["a", "b", "d"], config.Keys);
        Assert.True(config.GetBoolean("b.c"));
        Assert.Equal("x", config.GetString("d"));
    }

    [Fact]
    public void Parser_should_read_lists_separated_by_commas_or_new_lines_with_a_trailing_comma()
    {
        var config = Hocon.Parse("""
            flat = [1, 2, 3]
            lines = [
              a
              b,
              c,
            ]
            nested = [[1, 2], [], [{ x = 1 }]]
            """);

        Assert.Equal(["1", "2", "3"], config.GetStringList("flat"));
        Assert.Equal(["a", "b", "c"], config.GetStringList("lines"));
        var nested = config.GetList("nested");
        Assert.Equal(3, nested.Count);
        Assert.Equal(2, nested[0].Items.Count);
        Assert.Empty(nested[1].Items);
        Assert.Equal("1", nested[2].Items[0].GetField("x")!.RawText);
    }

    [Fact]
    public void Unquoted_strings_should_end_at_comma_brace_bracket_hash_and_double_slash()
    {
        var config = Hocon.Parse("""
            o = { s = abc}
            l = [x,y]
            h = foo#comment
            p = data/usdc-usd_1m.csv// comment
            v = one, w = two
            """);

        Assert.Equal("abc", config.GetString("o.s"));
        Assert.Equal(["x", "y"], config.GetStringList("l"));
        Assert.Equal("foo", config.GetString("h"));
        Assert.Equal("data/usdc-usd_1m.csv", config.GetString("p"));
        Assert.Equal("one", config.GetString("v"));
        Assert.Equal("two", config.GetString("w"));
    }

    [Fact]
    public void Quoted_strings_should_decode_json_escapes()
    {
        var config = Hocon.Parse("""
            s = "tab\there \"q\" back\\slash \u00e9 \/ nl\n"
            empty = ""
            """);

        Assert.Equal("tab\there \"q\" back\\slash \u00e9 / nl\n", config.GetString("s"));
        Assert.Equal(string.Empty, config.GetString("empty"));
    }

    [Fact]
    public void Triple_quoted_strings_should_span_lines_verbatim_and_keep_extra_closing_quotes()
    {
        var config = Hocon.Parse("""""
            text = """line one
              "two" \n stays"""
            quoted = """say "hi""""
            """"");

        Assert.Equal("line one\n  \"two\" \\n stays", config.GetString("text"));
        Assert.Equal("say \"hi\"", config.GetString("quoted"));
    }

    [Theory]
    [InlineData("0.99730", HoconValueKind.Number)]
    [InlineData("-3", HoconValueKind.Number)]
    [InlineData("2.5e-3", HoconValueKind.Number)]
    [InlineData("1E+6", HoconValueKind.Number)]
    [InlineData("1e+5", HoconValueKind.Number)]
    [InlineData("007", HoconValueKind.String)]
    [InlineData("1.", HoconValueKind.String)]
    [InlineData("true", HoconValueKind.Boolean)]
    [InlineData("false", HoconValueKind.Boolean)]
    [InlineData("null", HoconValueKind.Null)]
    [InlineData("nullable", HoconValueKind.String)]
    public void Scalars_should_keep_their_source_text_and_get_their_kind(string literal, HoconValueKind kind)
    {
        var value = Hocon.Parse($"x = {literal}").GetValue("x")!;

        Assert.Equal(kind, value.Kind);
        Assert.Equal(literal, value.RawText);
    }

    [Fact]
    public void Dotted_keys_should_build_nested_objects_and_quoted_segments_should_keep_their_dots()
    {
        var config = Hocon.Parse("""
            a.b.c = 1
            a.b.d = 2
            "x.y".z = 3
            pairs."USDC/USD".buy = 0.9973
            """);

        Assert.Equal(["c", "d"], config.GetConfig("a.b").Keys);
        Assert.Equal(3, config.GetInt("\"x.y\".z"));
        Assert.False(config.HasPath("x.y.z"));
        Assert.Equal(0.9973m, config.GetDecimal("pairs.\"USDC/USD\".buy"));
    }

    [Fact]
    public void Keys_with_inner_whitespace_should_keep_it()
    {
        var config = Hocon.Parse("foo bar = 1\n\"a\" b = 2");

        Assert.Equal(["foo bar", "a b"], config.Keys);
    }

    [Fact]
    public void A_later_object_should_merge_into_an_earlier_one_deeply()
    {
        var config = Hocon.Parse("""
            a { x = 1, y { p = 1 } }
            a { y { q = 2 }, z = 3 }
            a.y.p = 10
            """);

        Assert.Equal(["x", "y", "z"], config.GetConfig("a").Keys);
        Assert.Equal(["p", "q"], config.GetConfig("a.y").Keys);
        Assert.Equal(10, config.GetInt("a.y.p"));
        Assert.Equal(1, config.GetInt("a.x"));
    }

    [Fact]
    public void A_later_non_object_should_replace_and_a_later_object_should_replace_a_non_object()
    {
        var config = Hocon.Parse("""
            a { x = 1 }
            a = 5
            b = 5
            b { y = 1 }
            c = [1]
            c = [2]
            """);

        Assert.Equal(5, config.GetInt("a"));
        Assert.Equal(["y"], config.GetConfig("b").Keys);
        Assert.Equal(["2"], config.GetStringList("c"));
    }

    [Fact]
    public void Keys_should_keep_the_position_of_their_first_definition()
    {
        var config = Hocon.Parse("z = 1\na = 2\nz = 3\nm = 4");

        Assert.Equal(["z", "a", "m"], config.Keys);
        Assert.Equal(3, config.GetInt("z"));
    }

    [Fact]
    public void Simple_values_on_one_line_should_concatenate_into_a_string_keeping_inner_whitespace()
    {
        var config = Hocon.Parse("""
            x = foo bar
            y = "a" b  "c"
            n = 1 2
            t = true story
            """);

        Assert.Equal("foo bar", config.GetString("x"));
        Assert.Equal("a b  c", config.GetString("y"));
        Assert.Equal(HoconValueKind.String, config.GetValue("n")!.Kind);
        Assert.Equal("1 2", config.GetString("n"));
        Assert.Equal("true story", config.GetString("t"));
    }

    [Fact]
    public void Lists_and_objects_on_one_line_should_concatenate_and_merge()
    {
        var config = Hocon.Parse("l = [1, 2] [3]\no = { a = 1, b = 1 } { b = 2 }");

        Assert.Equal(["1", "2", "3"], config.GetStringList("l"));
        Assert.Equal(1, config.GetInt("o.a"));
        Assert.Equal(2, config.GetInt("o.b"));
    }

    [Fact]
    public void Plus_equals_should_append_to_an_earlier_list_or_start_a_new_one()
    {
        var config = Hocon.Parse("""
            xs = [1]
            xs += 2
            xs += three
            ys += a
            o { l = [0] }
            o { l += 1, l += 2 }
            """);

        Assert.Equal(["1", "2", "three"], config.GetStringList("xs"));
        Assert.Equal(["a"], config.GetStringList("ys"));
        Assert.Equal(["0", "1", "2"], config.GetStringList("o.l"));
    }

    [Fact]
    public void ToJson_should_be_compact_in_source_order_with_numbers_as_written()
    {
        const string text = """
            z { b = 1.50, s = "x\"y" }
            a = [true, null, 1e3]
            c = unquoted text
            """;

        var json = Hocon.Parse(text).ToJson();

        Assert.Equal("""{"z":{"b":1.50,"s":"x\"y"},"a":[true,null,1e3],"c":"unquoted text"}""", json);
        Assert.Equal(json, Hocon.Parse(text).ToJson());
        Assert.Equal("""{"b":1.50,"s":"x\"y"}""", Hocon.Parse(text).GetConfig("z").ToJson());
    }
}
