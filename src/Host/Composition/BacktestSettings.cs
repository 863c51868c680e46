using ActorArb.Actors.Replay.Sources;
using ActorArb.Domain.Execution;
using ActorArb.Domain.Market;
using ActorArb.Domain.Market.Aggregation;
using ActorArb.Domain.Market.Synthetic;
using ActorArb.Domain.Regimes;
using ActorArb.Domain.Risk;
using ActorArb.Host.Configuration;

namespace ActorArb.Host.Composition;

/// <summary>
/// Everything a backtest needs, bound from the <c>backtest</c> section of the config. Binding checks every
/// key and value, and an error names the file, line and path of what was wrong.
/// </summary>
internal sealed record BacktestSettings(
    SourceSettings Source,
    CandleAggregatorOptions Candles,
    RegimeOptions Regime,
    Timeframe RegimeTimeframe,
    StrategySettings Strategy,
    RiskLimits Risk,
    FillModel Fills,
    double InitialCash,
    string OutputDirectory,
    int MaxEquityPoints,
    string ConfigJson)
{
    /// <summary>Gets the sources of <c>backtest.sources</c>: several files replayed at once, merged in time (the spread's legs).</summary>
    public IReadOnlyList<SourceSettings> Sources { get; init; } = [];

    /// <summary>Returns the command-line options that replaced config values, by option name.</summary>
    public IReadOnlyDictionary<string, string> Overrides { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Returns a run id derived from the config and its command-line overrides (<c>bt-</c> + 12 hex digits), so
    /// the same backtest always gets the same id and its stored events are never duplicated, while a different
    /// backtest never shares ids with it.
    /// </summary>
    public string Fingerprint()
    {
        var text = new System.Text.StringBuilder(ConfigJson);
        foreach (var (key, value) in Overrides)
        {
            text.Append('\n').Append(key).Append('=').Append(value);
        }

        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString()));
        return "bt-" + Convert.ToHexStringLower(hash)[..12];
    }

    /// <summary>Binds the <c>backtest</c> section of <paramref name="root"/>.</summary>
    /// <exception cref="ConfigException">A key is unknown, or a value is missing or of the wrong kind.</exception>
    public static BacktestSettings Bind(HoconConfig root)
    {
        var c = root.GetConfig("backtest");
        c.EnsureOnlyKeys("source", "sources", "candles", "regime", "strategy", "risk", "execution", "portfolio", "output");
        var source = SourceSettings.Bind(c.GetConfig("source"));
        var candles = BindCandles(c.GetConfig("candles"), source.Instrument.TickSize);
        var regime = c.GetConfig("regime");
        regime.EnsureOnlyKeys("timeframe", "return-window", "volatility-window", "high-volatility", "flash-move", "peg-stress", "depeg", "peg-recover-factor", "min-dwell-bars");
        var d = new RegimeOptions();
        var regimeOptions = new RegimeOptions(
            ReturnWindow: Positive(regime, "return-window", regime.GetInt("return-window", d.ReturnWindow)),
            VolatilityWindow: Positive(regime, "volatility-window", regime.GetInt("volatility-window", d.VolatilityWindow)),
            HighVolatility: regime.GetDouble("high-volatility", d.HighVolatility),
            FlashMove: regime.GetDouble("flash-move", d.FlashMove),
            PegStress: regime.GetDouble("peg-stress", d.PegStress),
            Depeg: regime.GetDouble("depeg", d.Depeg),
            PegRecoverFactor: regime.GetDouble("peg-recover-factor", d.PegRecoverFactor),
            MinDwellBars: regime.GetInt("min-dwell-bars", d.MinDwellBars));
        var regimeTimeframe = Timeframes.Get(regime, "timeframe", source.Timeframe);

        var output = c.GetConfig("output");
        output.EnsureOnlyKeys("directory", "max-equity-points");
        var portfolio = c.GetConfig("portfolio");
        portfolio.EnsureOnlyKeys("initial-cash");
        var cash = portfolio.GetDouble("initial-cash", 10_000);
        if (!(cash > 0) || !double.IsFinite(cash))
        {
            throw portfolio.InvalidValue("initial-cash", "a positive amount");
        }

        var strategy = StrategySettings.Bind(c.GetConfig("strategy"), source.Timeframe);

        // The strategy and the regime detector read candles the aggregator must roll up, listed or not.
        var rollUps = candles.Timeframes.Append(strategy.Timeframe).Append(regimeTimeframe).Where(t => t != source.Timeframe).Distinct().Order().ToList();
        return new BacktestSettings(
            source,
            candles with { Timeframes = rollUps },
            regimeOptions,
            regimeTimeframe,
            strategy,
            BindRisk(c.GetConfig("risk")),
            BindFills(c.GetConfig("execution")),
            cash,
            output.GetString("directory", "out/backtest"),
            Positive(output, "max-equity-points", output.GetInt("max-equity-points", 20_000)),
            c.ToJson())
        {
            Sources = c.HasPath("sources") ? [.. c.GetConfigList("sources").Select(SourceSettings.Bind)] : [],
        };
    }

    private static CandleAggregatorOptions BindCandles(HoconConfig c, Price tickSize)
    {
        c.EnsureOnlyKeys("timeframes", "allowed-lateness", "fill-gaps");
        var timeframes = new List<Timeframe>();
        foreach (var text in c.HasPath("timeframes") ? c.GetStringList("timeframes") : ["1h", "2h", "4h", "1d"])
        {
            if (!Timeframe.TryParse(text, out var tf) || tf.Ms % Timeframe.OneMinute.Ms != 0)
            {
                throw c.InvalidValue("timeframes", $"timeframes that are whole minutes (1m, 1h, 4h, 1d), got \"{text}\"");
            }

            timeframes.Add(tf);
        }

        return new CandleAggregatorOptions(
            timeframes,
            (long)c.GetDuration("allowed-lateness", TimeSpan.Zero).TotalMilliseconds,
            c.GetBoolean("fill-gaps", true),
            tickSize);
    }

    private static RiskLimits BindRisk(HoconConfig c)
    {
        c.EnsureOnlyKeys("max-position", "max-notional", "max-equity-fraction", "daily-loss-limit", "max-drawdown", "halt-on-flash-crash", "halt-on-depeg");
        return new RiskLimits(
            MaxPositionUnits: c.GetDouble("max-position", double.PositiveInfinity),
            MaxNotional: c.GetDouble("max-notional", double.PositiveInfinity),
            MaxEquityFraction: c.GetDouble("max-equity-fraction", 1.0),
            DailyLossLimit: c.GetDouble("daily-loss-limit", double.PositiveInfinity),
            MaxDrawdown: c.GetDouble("max-drawdown", double.PositiveInfinity),
            HaltOnFlashCrash: c.GetBoolean("halt-on-flash-crash", true),
            HaltOnDepeg: c.GetBoolean("halt-on-depeg", true));
    }

    private static FillModel BindFills(HoconConfig c)
    {
        c.EnsureOnlyKeys("taker-fee-bps", "maker-fee-bps", "slippage-bps", "max-participation", "latency");
        foreach (var key in new[] { "taker-fee-bps", "maker-fee-bps", "slippage-bps", "max-participation" })
        {
            if (c.HasPath(key) && c.GetDouble(key) < 0)
            {
                throw c.InvalidValue(key, "a number >= 0");
            }
        }

        return new FillModel(
            TakerFeeBps: c.GetDouble("taker-fee-bps", 10),
            MakerFeeBps: c.GetDouble("maker-fee-bps", 5),
            SlippageBps: c.GetDouble("slippage-bps", 0),
            MaxParticipation: c.GetDouble("max-participation", 0),
            LatencyMs: (long)c.GetDuration("latency", TimeSpan.Zero).TotalMilliseconds);
    }

    internal static int Positive(HoconConfig c, string key, int value) =>
        value > 0 ? value : throw c.InvalidValue(key, "a whole number > 0");
}
