using ActorArb.Domain.Market;
using ActorArb.Domain.Strategies;
using ActorArb.Host.Configuration;

namespace ActorArb.Host.Composition;

/// <summary>The strategy of a backtest, bound from <c>backtest.strategy</c>.</summary>
internal sealed record StrategySettings(string Type, string Id, Timeframe Timeframe, PegThresholdOptions? Peg, SwingOptions? Swing)
{
    public static StrategySettings Bind(HoconConfig c, Timeframe sourceTimeframe)
    {
        c.EnsureOnlyKeys("type", "id", "timeframe", "buy", "sell", "fraction", "swing");
        var type = c.GetString("type", "peg-threshold");
        var id = c.GetString("id", type);
        var timeframe = Timeframes.Get(c, "timeframe", sourceTimeframe);
        var fraction = c.GetDouble("fraction", 1.0);
        if (!(fraction > 0 && fraction <= 1))
        {
            throw c.InvalidValue("fraction", "a number in (0, 1]");
        }

        switch (type)
        {
            case "peg-threshold":
                var buy = PriceOf(c, "buy", "0.9975");
                var sell = PriceOf(c, "sell", "1.0025");
                if (buy >= sell)
                {
                    throw c.InvalidValue("sell", $"a price above buy ({buy})");
                }

                return new StrategySettings(type, id, timeframe, new PegThresholdOptions(buy, sell, fraction), null);
            case "swing":
                var swing = c.GetConfig("swing");
                swing.EnsureOnlyKeys("reversal-pct");
                var reversal = swing.GetDouble("reversal-pct", 0.4);
                if (!(reversal > 0 && reversal < 100))
                {
                    throw swing.InvalidValue("reversal-pct", "a percentage in (0, 100) such as 0.4");
                }

                return new StrategySettings(type, id, timeframe, null, new SwingOptions(reversal, fraction));
            default:
                throw c.InvalidValue("type", "peg-threshold or swing");
        }
    }

    /// <summary>Creates a fresh strategy instance.</summary>
    public IStrategy Create() =>
        Peg is not null
            ? new PegThresholdStrategy(Id, Timeframe, Peg)
            : new SwingStrategy(Id, Timeframe, Swing!);

    private static Price PriceOf(HoconConfig c, string key, string fallback)
    {
        var text = c.GetString(key, fallback);
        return Price.TryParse(text, out var p) && p.Raw > 0 ? p : throw c.InvalidValue(key, "a positive price such as 0.9975");
    }
}
