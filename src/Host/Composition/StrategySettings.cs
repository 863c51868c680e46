using ActorArb.Domain.Market;
using ActorArb.Domain.Strategies;
using ActorArb.Host.Configuration;

namespace ActorArb.Host.Composition;

/// <summary>
/// The strategy of a backtest, bound from <c>backtest.strategy</c>: a single-instrument strategy (peg threshold, swing)
/// or the cross-exchange spread (<see cref="Spread"/>), which trades several instruments at once.
/// </summary>
internal sealed record StrategySettings(string Type, string Id, Timeframe Timeframe, PegThresholdOptions? Peg, SwingOptions? Swing)
{
    /// <summary>Gets the spread's settings when <c>type = spread</c>.</summary>
    public SpreadSettings? Spread { get; init; }

    public static StrategySettings Bind(HoconConfig c, Timeframe sourceTimeframe)
    {
        c.EnsureOnlyKeys("type", "id", "timeframe", "buy", "sell", "fraction", "swing", "spread");
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
            case "spread":
                return new StrategySettings(type, id, timeframe, null, null) { Spread = SpreadSettings.Bind(c.GetConfig("spread")) };
            default:
                throw c.InvalidValue("type", "peg-threshold, swing or spread");
        }
    }

    /// <summary>Creates a fresh instance of a single-instrument strategy.</summary>
    /// <exception cref="InvalidOperationException">The strategy is the spread, which is not a single-instrument strategy.</exception>
    public IStrategy Create() =>
        Peg is not null ? new PegThresholdStrategy(Id, Timeframe, Peg)
        : Swing is not null ? new SwingStrategy(Id, Timeframe, Swing)
        : throw new InvalidOperationException($"strategy {Id} ({Type}) trades several instruments and has no single-instrument chain");

    private static Price PriceOf(HoconConfig c, string key, string fallback)
    {
        var text = c.GetString(key, fallback);
        return Price.TryParse(text, out var p) && p.Raw > 0 ? p : throw c.InvalidValue(key, "a positive price such as 0.9975");
    }
}
