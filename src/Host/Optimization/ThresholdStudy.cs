using System.Diagnostics;
using System.Globalization;
using ActorArb.Actors.Optimization;
using ActorArb.Actors.Optimization.Cuda;
using ActorArb.Domain.Market;
using ActorArb.Domain.Optimization;
using ActorArb.Host.Composition;
using ActorArb.Host.Configuration;

namespace ActorArb.Host.Optimization;

/// <summary>
/// Runs an optimisation of the threshold strategy: for each timeframe (resampled from the source's bars) every
/// (buy, sell) combination of the grid through the actor worker pool, objective values (a pass over the bars per
/// combination only for objectives that need per-bar statistics), constraints, the ranking across timeframes,
/// the hindsight bound per timeframe and a walk-forward on the best timeframe.
/// </summary>
internal static class ThresholdStudy
{
    private const double MsPerYear = 365.0 * 86_400_000;

    public static async Task<StudyResult> RunAsync(
        StudyData data,
        OptimizeSettings settings,
        CudaThresholdWorker? gpu,
        Action<long, long>? progress,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var costs = new ThresholdCosts(settings.Fee, settings.Slippage);
        var cpu = settings.CpuWorkers > 0 ? settings.CpuWorkers : Environment.ProcessorCount;
        var perTimeframe = settings.Buys.Sum(b => settings.Sells.Count(s => b < s));
        var total = (long)perTimeframe * settings.Timeframes.Count;
        var studies = new List<TimeframeStudy>();
        var cancelled = false;
        foreach (var timeframe in settings.Timeframes)
        {
            var (openMs, closes) = data.Resample(timeframe);
            var series = new TickSeries(closes, data.Decimals);
            var buyTicks = Ticks(series, settings.Buys, "buy");
            var sellTicks = Ticks(series, settings.Sells, "sell");
            var combos = new ThresholdCombos(series, new ExactThresholdKernel(series), buyTicks, sellTicks, costs);
            var before = (long)studies.Count * perTimeframe;
            var finished = await ThresholdOptimizer.RunAsync(
                combos, cpu, gpu, p => progress?.Invoke(before + p.Done, total), cancellationToken).ConfigureAwait(false);
            var years = closes.Length * (double)timeframe.Ms / MsPerYear;
            studies.Add(new TimeframeStudy(
                timeframe,
                openMs,
                series,
                settings.Buys,
                settings.Sells,
                Score(combos, finished, settings, timeframe, years, cancellationToken),
                HindsightBound.Compute(series.Closes, costs),
                finished.ByWorker));
            if (finished.Cancelled || cancellationToken.IsCancellationRequested)
            {
                cancelled = true;
                break;
            }
        }

        var ranking = Rank(studies, settings, costs);
        WalkForwardReport? walkForward = null;
        if (settings.WalkForward is { } w && ranking.Count > 0 && !cancelled)
        {
            var best = studies.First(s => s.Timeframe == ranking[0].Timeframe);
            var inSample = (int)Math.Max(1, w.InSample.Ticks / TimeSpan.TicksPerMillisecond / best.Timeframe.Ms);
            var outOfSample = (int)Math.Max(1, w.OutOfSample.Ticks / TimeSpan.TicksPerMillisecond / best.Timeframe.Ms);
            if (best.Series.Length > inSample)
            {
                walkForward = WalkForward.Run(
                    best.Series,
                    new WalkForwardOptions(inSample, outOfSample, w.Anchored, settings.MinTrades, settings.MaxDrawdown),
                    Ticks(best.Series, settings.Buys, "buy"),
                    Ticks(best.Series, settings.Sells, "sell"),
                    costs);
            }
        }

        return new StudyResult(studies, ranking, walkForward, cancelled, clock.Elapsed);
    }

    /// <summary>Returns the ticks of thresholds on the series' grid; a threshold between ticks is refused, naming it.</summary>
    public static int[] Ticks(TickSeries series, IReadOnlyList<decimal> prices, string key)
    {
        var ticks = new int[prices.Count];
        for (var i = 0; i < ticks.Length; i++)
        {
            var scaled = prices[i] * (decimal)series.Scale;
            if (scaled != decimal.Truncate(scaled) || scaled > int.MaxValue)
            {
                throw new ConfigException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"optimize.{key}: {prices[i]} is not a multiple of the tick size {1 / (decimal)series.Scale}; thresholds between ticks act exactly like the tick below (buy) or above (sell), so give them on the tick grid"));
            }

            ticks[i] = (int)scaled;
        }

        return ticks;
    }

    private static List<StudyEntry> Score(ThresholdCombos combos, OptimizerProtocol.Finished<ThresholdRun> finished, OptimizeSettings settings, Timeframe timeframe, double years, CancellationToken cancellationToken)
    {
        var entries = new StudyEntry?[combos.Count];
        var scale = (decimal)combos.Series.Scale;
        var statistics = ObjectiveScore.NeedsBarStatistics(settings.Objective);
        var barsPerYear = MsPerYear / timeframe.Ms;
        Parallel.For(0, combos.Count, new ParallelOptions { CancellationToken = statistics ? cancellationToken : CancellationToken.None }, i =>
        {
            if (!finished.Done[i])
            {
                return;
            }

            var run = finished.Results[i];
            var objective = statistics
                ? ObjectiveScore.Of(settings.Objective, ThresholdStatistics.Run(combos.Series.Closes, combos.Series.PriceOf(combos.BuyTicks[i]), combos.Series.PriceOf(combos.SellTicks[i]), combos.Costs, barsPerYear), years)
                : ObjectiveScore.Of(settings.Objective, run, years);
            var eligible = run.Trades >= settings.MinTrades && run.MaxDrawdown <= settings.MaxDrawdown && !double.IsNaN(objective);
            entries[i] = new StudyEntry(timeframe, combos.BuyTicks[i] / scale, combos.SellTicks[i] / scale, run, objective, eligible);
        });
        return [.. entries.OfType<StudyEntry>()];
    }

    /// <summary>
    /// Ranks the eligible combinations, best first (ties keep timeframe order, then b-major order), and re-runs the
    /// top of the ranking through the bar-by-bar reference, so the reported figures are the definition's own.
    /// </summary>
    private static List<StudyEntry> Rank(List<TimeframeStudy> studies, OptimizeSettings settings, ThresholdCosts costs)
    {
        var ranking = studies.SelectMany(s => s.Entries).Where(e => e.Eligible).OrderByDescending(e => e.Objective).Take(settings.TopK).ToList();
        for (var i = 0; i < ranking.Count; i++)
        {
            var entry = ranking[i];
            var series = studies.First(s => s.Timeframe == entry.Timeframe).Series;
            ranking[i] = entry with { Run = ThresholdReference.Run(series.Closes, (double)entry.Buy, (double)entry.Sell, costs) };
        }

        return ranking;
    }
}
