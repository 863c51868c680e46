using System.Buffers.Binary;
using System.Diagnostics;
using System.Security.Cryptography;
using ActorArb.Actors.Optimization.General;
using ActorArb.Actors.Replay.Sources;
using ActorArb.Domain.Market;
using ActorArb.Domain.Metrics;
using ActorArb.Domain.Optimization;
using ActorArb.Domain.Simulation;
using ActorArb.Domain.Strategies;
using ActorArb.Host.Composition;
using ActorArb.Host.Configuration;

namespace ActorArb.Host.Optimization;

/// <summary>
/// The optimizer's general mode: any strategy the backtest can run, over a grid of its config keys and the listed
/// timeframes. The source is aggregated and regime-classified once into a <see cref="MarketTape"/>; every combination
/// then replays it through the backtest's own chain (strategy, risk, paper execution with the same fee, slippage,
/// participation and latency, portfolio) on a pool of CPU workers, and is scored with the backtest's metrics.
/// </summary>
internal static class GeneralStudy
{
    public static async Task<GeneralResult> RunAsync(
        BacktestSettings backtest,
        HoconConfig strategyConfig,
        OptimizeSettings settings,
        MarketTape tape,
        Action<long, long>? progress,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var combinations = Combinations(backtest, strategyConfig, settings);
        var fills = backtest.Fills;
        if (settings.Fee != fills.TakerFeeRate)
        {
            fills = fills with { TakerFeeBps = settings.Fee * 10_000 };
        }

        if (settings.Slippage != fills.SlippageRate)
        {
            fills = fills with { SlippageBps = settings.Slippage * 10_000 };
        }

        var setup = new SimulationSetup(backtest.Source.Instrument, backtest.Source.Timeframe, backtest.Risk, fills, backtest.InitialCash);
        var grid = new StrategyGrid(tape, setup, combinations.Select(c => (Func<IStrategy>)c.Settings.Create).ToList());
        var cpu = settings.CpuWorkers > 0 ? settings.CpuWorkers : Environment.ProcessorCount;
        var finished = await StrategyOptimizer.RunAsync(grid, cpu, p => progress?.Invoke(p.Done, p.Total), cancellationToken).ConfigureAwait(false);

        var entries = new List<GeneralEntry>();
        for (var i = 0; i < combinations.Count; i++)
        {
            if (!finished.Done[i])
            {
                continue;
            }

            var report = finished.Results[i];
            var objective = Objective(settings.Objective, report, backtest.InitialCash);
            var eligible = report.TradeCount >= settings.MinTrades && report.MaxDrawdown <= settings.MaxDrawdown && double.IsFinite(objective);
            entries.Add(new GeneralEntry(combinations[i].Timeframe, combinations[i].Values, report, objective, eligible));
        }

        var ranking = entries.Where(e => e.Eligible).OrderByDescending(e => e.Objective).Take(settings.TopK).ToList();
        HindsightResult? hindsight = null;
        if (ranking.Count > 0)
        {
            var closes = new List<double>();
            foreach (ref readonly var candle in tape.Candles)
            {
                if (candle.Timeframe == ranking[0].Timeframe)
                {
                    closes.Add(candle.Close.ToDouble());
                }
            }

            hindsight = HindsightBound.Compute(closes.ToArray(), new ThresholdCosts(fills.TakerFeeRate, fills.SlippageRate));
        }

        return new GeneralResult(
            backtest.Strategy.Type,
            settings.Parameters,
            backtest.InitialCash,
            tape.Count,
            entries,
            ranking,
            hindsight,
            finished.ByWorker,
            finished.Cancelled,
            clock.Elapsed);
    }

    /// <summary>Returns the objective of a run; equity objectives are relative to the starting cash, like the threshold mode's.</summary>
    internal static double Objective(OptimizationObjective objective, PerformanceReport report, double initialCash) => objective switch
    {
        OptimizationObjective.FinalEquity => report.FinalEquity / initialCash,
        OptimizationObjective.NetProfit => (report.FinalEquity / initialCash) - 1.0,
        OptimizationObjective.Calmar => report.Calmar,
        OptimizationObjective.Sharpe => report.Sharpe,
        OptimizationObjective.Sortino => report.Sortino,
        OptimizationObjective.ProfitFactor => report.ProfitFactor,
        _ => throw new ArgumentOutOfRangeException(nameof(objective), objective, "unknown objective"),
    };

    /// <summary>
    /// Binds one strategy per combination of the timeframes and parameter values (timeframe outermost, then the
    /// parameters in config order), each from the backtest's strategy section with the combination's keys replaced.
    /// </summary>
    private static List<(Timeframe Timeframe, string[] Values, StrategySettings Settings)> Combinations(BacktestSettings backtest, HoconConfig strategyConfig, OptimizeSettings settings)
    {
        if (settings.Parameters.Count == 0)
        {
            throw new ConfigException("optimize.general.parameters: give at least one strategy key to search, e.g. swing.reversal-pct { from = 0.1, to = 2.0, step = 0.1 }");
        }

        var count = settings.Timeframes.Count * settings.Parameters.Aggregate(1L, (n, p) => n * p.Values.Count);
        if (count > 1_000_000)
        {
            throw new ConfigException($"optimize.general.parameters: {count:N0} combinations; at most 1,000,000 (coarser steps or fewer keys)");
        }

        var body = strategyConfig.ToJson().Trim();
        body = body.Length >= 2 ? body[1..^1] : "";
        var result = new List<(Timeframe, string[], StrategySettings)>((int)count);
        var values = new string[settings.Parameters.Count];
        foreach (var timeframe in settings.Timeframes)
        {
            Fill(0);

            void Fill(int dimension)
            {
                if (dimension == values.Length)
                {
                    result.Add((timeframe, [.. values], Bind(body, timeframe, settings.Parameters, values, backtest.Source.Timeframe)));
                    return;
                }

                foreach (var value in settings.Parameters[dimension].Values)
                {
                    values[dimension] = value;
                    Fill(dimension + 1);
                }
            }
        }

        return result;
    }

    private static StrategySettings Bind(string body, Timeframe timeframe, IReadOnlyList<GridParameter> parameters, string[] values, Timeframe sourceTimeframe)
    {
        var text = new System.Text.StringBuilder(body).Append('\n').Append("timeframe = ").Append(timeframe).Append('\n');
        for (var i = 0; i < values.Length; i++)
        {
            text.Append(parameters[i].Key).Append(" = ").Append(Quote(values[i])).Append('\n');
        }

        var combination = string.Join(' ', parameters.Select((p, i) => $"{p.Key}={values[i]}"));
        try
        {
            return StrategySettings.Bind(HoconParser.ParseString(text.ToString(), "optimize.general.parameters"), sourceTimeframe);
        }
        catch (ConfigException error)
        {
            throw new ConfigException($"optimize.general.parameters ({combination}, timeframe {timeframe}): {error.Message}");
        }
    }

    private static string Quote(string value) =>
        decimal.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _) || value is "true" or "false"
            ? value
            : HoconJson.Quote(value);

    /// <summary>Returns the SHA-256 of every candle on the tape (timeframe, open time, OHLCV): equal data, equal fingerprint.</summary>
    public static string Fingerprint(MarketTape tape)
    {
        ArgumentNullException.ThrowIfNull(tape);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> row = stackalloc byte[56];
        foreach (ref readonly var c in tape.Candles)
        {
            BinaryPrimitives.WriteInt64LittleEndian(row, c.Timeframe.Ms);
            BinaryPrimitives.WriteInt64LittleEndian(row[8..], c.OpenTimeMs);
            BinaryPrimitives.WriteInt64LittleEndian(row[16..], c.Open.Raw);
            BinaryPrimitives.WriteInt64LittleEndian(row[24..], c.High.Raw);
            BinaryPrimitives.WriteInt64LittleEndian(row[32..], c.Low.Raw);
            BinaryPrimitives.WriteInt64LittleEndian(row[40..], c.Close.Raw);
            BinaryPrimitives.WriteDoubleLittleEndian(row[48..], c.Volume);
            hash.AppendData(row);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Aggregates the source once (with the searched timeframes added to the roll-ups) and classifies regimes.</summary>
    public static MarketTape Record(BacktestSettings backtest, OptimizeSettings settings, HistoricalSource source)
    {
        var rollUps = backtest.Candles.Timeframes.Concat(settings.Timeframes).Where(t => t != backtest.Source.Timeframe).Distinct().Order().ToList();
        return TapeRecorder.Record(source, backtest.Source.Timeframe, backtest.Candles with { Timeframes = rollUps }, backtest.Regime, backtest.RegimeTimeframe);
    }
}
