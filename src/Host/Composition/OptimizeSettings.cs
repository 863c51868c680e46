using System.Globalization;
using ActorArb.Domain.Market;
using ActorArb.Domain.Optimization;
using ActorArb.Host.Configuration;

namespace ActorArb.Host.Composition;

/// <summary>The <c>optimize</c> section: the threshold grid, timeframes, costs, objective, constraints, walk-forward and workers.</summary>
internal sealed record OptimizeSettings(
    string Mode,
    IReadOnlyList<GridParameter> Parameters,
    IReadOnlyList<Timeframe> Timeframes,
    IReadOnlyList<decimal> Buys,
    IReadOnlyList<decimal> Sells,
    double Fee,
    double Slippage,
    OptimizationObjective Objective,
    int MinTrades,
    double MaxDrawdown,
    int TopK,
    WalkForwardSettings? WalkForward,
    int CpuWorkers,
    string Gpu,
    string OutputDirectory)
{
    /// <summary>Binds <c>optimize</c>; fee and slippage default to the backtest's taker fee and slippage.</summary>
    public static OptimizeSettings Bind(HoconConfig root, double defaultFee, double defaultSlippage)
    {
        var c = root.GetConfig("optimize");
        c.EnsureOnlyKeys("mode", "general", "timeframes", "buy", "sell", "fee", "slippage", "objective", "constraints", "top-k", "walk-forward", "workers", "output");
        var timeframes = new List<Timeframe>();
        foreach (var text in c.GetStringList("timeframes", ["1m"]))
        {
            timeframes.Add(Timeframe.TryParse(text, out var tf) ? tf : throw c.InvalidValue("timeframes", "timeframes such as [1m, 1h, 4h, 1d]"));
        }

        if (timeframes.Count == 0)
        {
            throw c.InvalidValue("timeframes", "at least one timeframe");
        }

        var mode = c.GetString("mode", "exact");
        if (mode is not ("exact" or "general"))
        {
            throw c.InvalidValue("mode", "exact (the threshold grid, exact at tick resolution) or general (the backtest's strategy over a parameter grid)");
        }

        var general = c.GetConfig("general");
        general.EnsureOnlyKeys("parameters");
        var parameters = GridParameter.Bind(general.GetConfig("parameters"));
        if (parameters.Any(p => p.Key == "timeframe"))
        {
            throw general.InvalidValue("parameters", "strategy keys other than timeframe (timeframes come from optimize.timeframes)");
        }

        var constraints = c.GetConfig("constraints");
        constraints.EnsureOnlyKeys("min-trades", "max-drawdown");
        var workers = c.GetConfig("workers");
        workers.EnsureOnlyKeys("cpu", "gpu");
        var gpu = workers.GetString("gpu", "auto");
        if (gpu is not ("auto" or "on" or "off"))
        {
            throw workers.InvalidValue("gpu", "auto, on or off");
        }

        var output = c.GetConfig("output");
        output.EnsureOnlyKeys("directory");
        WalkForwardSettings? walkForward = null;
        if (c.HasPath("walk-forward"))
        {
            var w = c.GetConfig("walk-forward");
            w.EnsureOnlyKeys("in-sample", "out-of-sample", "anchored");
            walkForward = new WalkForwardSettings(
                Duration(w, "in-sample"),
                Duration(w, "out-of-sample"),
                w.GetBoolean("anchored", false));
        }

        return new OptimizeSettings(
            mode,
            parameters,
            timeframes,
            Thresholds(c, "buy", [0.9900m, 0.9999m, 0.0001m]),
            Thresholds(c, "sell", [1.0001m, 1.0100m, 0.0001m]),
            Rate(c, "fee", defaultFee),
            Rate(c, "slippage", defaultSlippage),
            c.GetString("objective", "final-equity") switch
            {
                "final-equity" => OptimizationObjective.FinalEquity,
                "net-profit" => OptimizationObjective.NetProfit,
                "calmar" => OptimizationObjective.Calmar,
                "sharpe" => OptimizationObjective.Sharpe,
                "sortino" => OptimizationObjective.Sortino,
                "profit-factor" => OptimizationObjective.ProfitFactor,
                _ => throw c.InvalidValue("objective", "one of final-equity, net-profit, calmar, sharpe, sortino, profit-factor"),
            },
            NotNegative(constraints, "min-trades"),
            Rate(constraints, "max-drawdown", 1.0, allowOne: true),
            BacktestSettings.Positive(c, "top-k", c.GetInt("top-k", 20)),
            walkForward,
            NotNegative(workers, "cpu"),
            gpu,
            output.GetString("directory", "out/optimize"));
    }

    /// <summary>Returns the request as canonical text (everything that decides the answer), for fingerprints.</summary>
    public string Canonical() => string.Create(CultureInfo.InvariantCulture, $"""
        mode={Mode}
        timeframes={string.Join(',', Timeframes)}
        {(Mode == "general" ? string.Join('\n', Parameters.Select(p => $"{p.Key}={string.Join(',', p.Values)}")) : $"buy={string.Join(',', Buys)}\nsell={string.Join(',', Sells)}")}
        fee={Fee:R} slippage={Slippage:R}
        objective={Objective} min-trades={MinTrades} max-drawdown={MaxDrawdown:R}
        """);

    private static IReadOnlyList<decimal> Thresholds(HoconConfig c, string key, decimal[] fallback)
    {
        if (!c.HasPath(key))
        {
            return Range(c, key, fallback[0], fallback[1], fallback[2]);
        }

        var value = c.GetValue(key)!;
        if (value.Kind == HoconValueKind.Array)
        {
            return c.GetStringList(key).Select(text => decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d > 0
                ? d
                : throw c.InvalidValue(key, "a list of positive prices or { from, to, step }")).Distinct().Order().ToList();
        }

        var range = c.GetConfig(key);
        range.EnsureOnlyKeys("from", "to", "step");
        return Range(range, key, range.GetDecimal("from"), range.GetDecimal("to"), range.GetDecimal("step"));
    }

    private static List<decimal> Range(HoconConfig c, string key, decimal from, decimal to, decimal step)
    {
        if (from <= 0 || to < from || step <= 0)
        {
            throw c.InvalidValue(key, "from > 0, to >= from and step > 0");
        }

        if ((to - from) / step > 1_000_000)
        {
            throw c.InvalidValue(key, "at most 1,000,000 values (a coarser step)");
        }

        var values = new List<decimal>();
        for (var v = from; v <= to; v += step)
        {
            values.Add(v);
        }

        return values;
    }

    private static int NotNegative(HoconConfig c, string key)
    {
        var value = c.GetInt(key, 0);
        return value >= 0 ? value : throw c.InvalidValue(key, "a whole number >= 0");
    }

    private static double Rate(HoconConfig c, string key, double fallback, bool allowOne = false)
    {
        var rate = c.GetDouble(key, fallback);
        return rate >= 0 && (rate < 1 || (allowOne && rate == 1)) ? rate : throw c.InvalidValue(key, allowOne ? "a fraction from 0 to 1" : "a fraction from 0 up to (not including) 1");
    }

    private static TimeSpan Duration(HoconConfig c, string key)
    {
        var duration = c.GetDuration(key);
        return duration > TimeSpan.Zero ? duration : throw c.InvalidValue(key, "a positive duration such as 7d");
    }
}

/// <summary>Walk-forward windows as durations: in-sample, out-of-sample, and whether the in-sample is anchored at the start.</summary>
internal sealed record WalkForwardSettings(TimeSpan InSample, TimeSpan OutOfSample, bool Anchored);
