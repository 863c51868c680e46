using ActorArb.Host.Composition;
using ActorArb.Host.Configuration;

namespace ActorArb.Host.Tests.Commands;

/// <summary>Binding the backtest section: defaults, and errors that name file, line, path and value.</summary>
public sealed class BacktestSettingsSpecs
{
    [Fact]
    public void Bind_should_read_the_repository_config()
    {
        var settings = BacktestSettings.Bind(HoconParser.ParseFile(BacktestCommandSpecs.FindRepoFile("config.hocon"), _ => null));

        Assert.Equal(SourceKindSetting.Synthetic, settings.Source.Kind);
        Assert.Equal(0.001, settings.Fills.TakerFeeRate);
        Assert.Equal("peg-threshold", settings.Strategy.Type);
    }

    [Fact]
    public void Bind_should_name_file_line_path_and_value_when_a_number_is_not_a_number()
    {
        var config = HoconParser.ParseString("backtest {\n  execution {\n    taker-fee-bps = abc\n  }\n}\n", "config.hocon");

        var e = Assert.Throws<ConfigException>(() => BacktestSettings.Bind(config));

        Assert.Equal("config.hocon:3: backtest.execution.taker-fee-bps: expected a number, got \"abc\"", e.Message);
    }

    [Fact]
    public void Bind_should_reject_an_unknown_key_with_a_suggestion()
    {
        var config = HoconParser.ParseString("backtest.strategy.by = 0.99\n", "config.hocon");

        var e = Assert.Throws<ConfigException>(() => BacktestSettings.Bind(config));

        Assert.Contains("backtest.strategy.by", e.Message, StringComparison.Ordinal);
        Assert.Contains("config.hocon:1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_should_refuse_a_sell_threshold_not_above_the_buy_threshold()
    {
        var config = HoconParser.ParseString("backtest.strategy { buy = 1.001, sell = 1.001 }\n", "config.hocon");

        var e = Assert.Throws<ConfigException>(() => BacktestSettings.Bind(config));

        Assert.Contains("backtest.strategy.sell", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_should_require_a_path_for_a_csv_source()
    {
        var config = HoconParser.ParseString("backtest.source.kind = csv-candles\n", "config.hocon");

        var e = Assert.Throws<ConfigException>(() => BacktestSettings.Bind(config));

        Assert.Contains("backtest.source.path", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_should_take_secrets_from_the_environment()
    {
        var config = HoconParser.ParseString("backtest.output.directory = ${?OUT_DIR}\n", "config.hocon", name => name == "OUT_DIR" ? "/tmp/x" : null);

        Assert.Equal("/tmp/x", BacktestSettings.Bind(config).OutputDirectory);
    }
}
