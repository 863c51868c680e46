using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ActorArb.Actors.Optimization.Cuda;
using ActorArb.Actors.Persistence;
using ActorArb.Domain.Events;
using ActorArb.Domain.Market;
using ActorArb.Domain.Optimization;
using ActorArb.Domain.Time;
using ActorArb.Host.Composition;
using ActorArb.Host.Optimization;
using ActorArb.Host.Reports;

namespace ActorArb.Host.Commands;

/// <summary>
/// <c>actorarb optimize</c>: searches the threshold grid of the <c>optimize</c> section over the backtest's source and
/// writes the ranking, the whole grid as CSV and an HTML report with a heat-map; records the answer as an
/// <see cref="OptimizationCompleted"/> event and answers a repeated request from the store. Ctrl-C stops handing out
/// work and keeps what finished.
/// </summary>
internal static class OptimizeCommand
{
    public static async Task<int> RunAsync(CommandLine line)
    {
        var configPath = line.Get("config") ?? "config.hocon";
        var quiet = line.Flag("quiet");
        var force = line.Flag("force");
        var config = BacktestCommand.Parse(configPath);
        var backtest = BacktestCommand.Load(config, line);
        var settings = Overrides(OptimizeSettings.Bind(config, backtest.Fills.TakerFeeRate, backtest.Fills.SlippageRate), line);
        var persistence = PersistenceSettings.Bind(config).WithStore(line.Get("store"));
        line.EnsureAllRead("optimize");
        if (backtest.Strategy.Spread is not null)
        {
            throw new UsageException("optimize: the spread strategy (backtest.strategy.type = spread) is not searched by the optimizer; run it with actorarb backtest");
        }

        await using var pg = persistence.Store == "postgres" || backtest.Source.Kind == SourceKindSetting.StoreCandles
            ? await persistence.OpenPostgresAsync().ConfigureAwait(false)
            : null;
        IEventStore store = persistence.Store == "postgres" ? pg! : new InMemoryEventStore(new ManualClock());
        if (settings.Mode == "general")
        {
            var source = backtest.Source.Open(pg);
            var description = source.Description;
            var tape = GeneralStudy.Record(backtest, settings, source);
            var tapeFingerprint = GeneralStudy.Fingerprint(tape);
            return await AnswerAsync(store, persistence.Store, settings, settings.Canonical() + "\nbacktest=" + backtest.ConfigJson, tapeFingerprint, force, async cancel =>
            {
                var bar = new ProgressBar("optimize", enabled: !quiet);
                var result = await GeneralStudy.RunAsync(backtest, config.GetConfig("backtest").GetConfig("strategy"), settings, tape, (done, total) => bar.Report(done, total, "combos"), cancel).ConfigureAwait(false);
                bar.Done(result.Entries.Count, "combos");
                var top = result.Ranking.Select(e => new OptimizationCandidate(
                    e.Timeframe.ToString(), null, null, e.Report.FinalEquity / result.InitialCash, e.Report.TradeCount, e.Report.MaxDrawdown, e.Objective, result.Describe(e))).ToList();
                var hindsight = result.Hindsight?.MaxEquity ?? double.NaN;
                OutputFiles.Write(
                    settings.OutputDirectory,
                    [("grid.csv", path => GeneralReport.WriteCsv(path, result)), ("report.html", path => File.WriteAllText(path, GeneralReport.Render(result, settings, description)))],
                    () =>
                    {
                        ConsoleRanking(Console.Out, top, hindsight);
                        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.Entries.Count:N0} combinations of {result.StrategyType} over {tape.Count:N0} candles in {result.Elapsed.TotalSeconds:0.000} s on {string.Join(", ", result.ByWorker.Select(p => $"{p.Key} {p.Value:N0}"))}"));
                    });
                var lastMs = tape.Count > 0 ? tape.Candles[^1].CloseTimeMs : 0;
                return new Answer(top, hindsight, result.Entries.Count, lastMs, result.Cancelled);
            }).ConfigureAwait(false);
        }

        var data = StudyData.Read(backtest.Source.Open(pg), backtest.Source.Timeframe);
        var gpu = OpenGpu(settings.Gpu);
        try
        {
            return await AnswerAsync(store, persistence.Store, settings, settings.Canonical(), data.Fingerprint, force, async cancel =>
            {
                var bar = new ProgressBar("optimize", enabled: !quiet);
                var result = await ThresholdStudy.RunAsync(data, settings, gpu, (done, total) => bar.Report(done, total, "combos"), cancel).ConfigureAwait(false);
                bar.Done(result.Evaluated, "combos");
                var top = result.Ranking.Select(e => new OptimizationCandidate(e.Timeframe.ToString(), e.Buy, e.Sell, e.Run.FinalEquity, e.Run.Trades, e.Run.MaxDrawdown, e.Objective)).ToList();
                var hindsight = result.BestTimeframe?.Hindsight.MaxEquity ?? double.NaN;
                OutputFiles.Write(
                    settings.OutputDirectory,
                    [("grid.csv", path => OptimizeReport.WriteCsv(path, result)), ("report.html", path => File.WriteAllText(path, OptimizeReport.Render(result, settings, data)))],
                    () =>
                    {
                        ConsoleRanking(Console.Out, top, hindsight);
                        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.Evaluated:N0} combinations in {result.Elapsed.TotalSeconds:0.000} s on {Workers(result)}; kernel {ExactThresholdKernel.SimdPath}"));
                        if (result.WalkForward is { } wf)
                        {
                            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"walk-forward: {wf.Windows.Length} windows, out-of-sample equity {wf.OutOfSampleEquity:0.######}, in-sample {wf.InSampleEquity:0.######}, efficiency {wf.Efficiency:0.###}"));
                        }
                    });
                return new Answer(top, hindsight, result.Evaluated, data.OpenMs[^1] + data.Timeframe.Ms, result.Cancelled);
            }).ConfigureAwait(false);
        }
        finally
        {
            gpu?.Dispose();
        }
    }

    /// <summary>
    /// Answers a request from the store when it was answered before (unless forced); otherwise computes it with Ctrl-C
    /// wired to cancellation, and records the answer as an <see cref="OptimizationCompleted"/> event unless cancelled.
    /// </summary>
    private static async Task<int> AnswerAsync(
        IEventStore store, string storeName, OptimizeSettings settings, string request, string dataFingerprint, bool force, Func<CancellationToken, Task<Answer>> compute)
    {
        var requestFingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(request + "\ndata=" + dataFingerprint)));
        var stream = "optimization-" + requestFingerprint[..16];
        if (!force && await FindAsync(store, stream).ConfigureAwait(false) is { } earlier)
        {
            Console.Out.WriteLine($"answered from the event store (stream {stream}; --force recomputes):");
            ConsoleRanking(Console.Out, earlier.Top, earlier.HindsightMaxEquity);
            return 0;
        }

        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            Console.Error.WriteLine("\ncancelling: finishing the chunks in flight, keeping what finished…");
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        Answer answer;
        try
        {
            answer = await compute(cancel.Token).ConfigureAwait(false);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }

        if (answer.Cancelled)
        {
            Console.Error.WriteLine("cancelled: the grid and report hold only the combinations that finished; nothing was recorded in the store");
            return 130;
        }

        var completed = new OptimizationCompleted(
            answer.TimeMs, requestFingerprint, dataFingerprint, request, settings.Objective.ToString(), answer.Evaluated, answer.Evaluated, answer.Top, answer.Hindsight);
        await store.AppendAsync(stream, ExpectedVersion.Any, [EventData.Create(EventIds.Seed(stream), 1, completed, EventMetadata.Empty)]).ConfigureAwait(false);
        Console.Out.WriteLine($"recorded OptimizationCompleted in stream {stream} ({storeName} store)");
        return 0;
    }

    private static OptimizeSettings Overrides(OptimizeSettings settings, CommandLine line)
    {
        if (line.Get("timeframes") is { } timeframes)
        {
            settings = settings with
            {
                Timeframes = [.. timeframes.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .Select(t => Timeframe.TryParse(t, out var tf) ? tf : throw new UsageException($"--timeframes: expected e.g. 1m,1h,4h,1d, got \"{t}\""))],
            };
        }

        if (line.Get("mode") is { } mode)
        {
            settings = settings with { Mode = mode is "exact" or "general" ? mode : throw new UsageException($"--mode: expected exact or general, got \"{mode}\"") };
        }

        if (line.Get("objective") is { } objective)
        {
            settings = settings with
            {
                Objective = Enum.TryParse<OptimizationObjective>(objective.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var o)
                    ? o
                    : throw new UsageException($"--objective: expected final-equity, net-profit, calmar, sharpe, sortino or profit-factor, got \"{objective}\""),
            };
        }

        settings = settings with
        {
            Fee = Rate(line, "fee") ?? settings.Fee,
            Slippage = Rate(line, "slippage") ?? settings.Slippage,
            Gpu = line.Get("gpu") is { } gpu ? (gpu is "auto" or "on" or "off" ? gpu : throw new UsageException($"--gpu: expected auto, on or off, got \"{gpu}\"")) : settings.Gpu,
            CpuWorkers = (int?)line.GetLong("cpu-workers") is { } cpu and >= 0 ? cpu : settings.CpuWorkers,
            OutputDirectory = line.Get("out") ?? settings.OutputDirectory,
        };
        return line.Flag("no-walk-forward") ? settings with { WalkForward = null } : settings;
    }

    private static double? Rate(CommandLine line, string name) =>
        line.Get(name) is not { } text ? null
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) && rate is >= 0 and < 1 ? rate
        : throw new UsageException($"--{name}: expected a fraction such as 0.001, got \"{text}\"");

    private static CudaThresholdWorker? OpenGpu(string mode)
    {
        if (mode == "off")
        {
            return null;
        }

        if (CudaThresholdWorker.TryCreate(out var worker, out var reason))
        {
            Console.Error.WriteLine($"GPU worker: {reason}");
            return worker;
        }

        if (mode == "on")
        {
            throw new UsageException($"--gpu on: {reason}");
        }

        Console.Error.WriteLine($"no GPU worker ({reason}); optimising on the CPU workers");
        return null;
    }

    private static async Task<OptimizationCompleted?> FindAsync(IEventStore store, string stream)
    {
        await foreach (var recorded in store.ReadStreamAsync(stream).ConfigureAwait(false))
        {
            if (recorded.Payload is OptimizationCompleted completed)
            {
                return completed;
            }
        }

        return null;
    }

    /// <summary>What one mode's computation hands back to be printed and recorded.</summary>
    private sealed record Answer(IReadOnlyList<OptimizationCandidate> Top, double Hindsight, int Evaluated, long TimeMs, bool Cancelled);

    private static string Workers(StudyResult result) =>
        string.Join(", ", result.Timeframes.SelectMany(t => t.ByWorker).GroupBy(p => p.Key).Select(g => $"{g.Key} {g.Sum(p => p.Value):N0}"));

    private static void ConsoleRanking(TextWriter output, IReadOnlyList<OptimizationCandidate> top, double hindsight)
    {
        if (top.Count == 0)
        {
            output.WriteLine("no combination met the constraints");
            return;
        }

        var c = CultureInfo.InvariantCulture;
        var general = top[0].Parameters is not null;
        output.WriteLine(general
            ? " rank  final equity        trades  max drawdown  objective   parameters"
            : " rank  tf     buy      sell     final equity        trades  max drawdown  objective");
        for (var i = 0; i < top.Count; i++)
        {
            var e = top[i];
            output.WriteLine(general
                ? string.Create(c, $" {i + 1,4}  {e.FinalEquity,-19:R} {e.Trades,6}  {e.MaxDrawdown,12:0.000000}  {e.Objective,-10:0.######}  {e.Parameters}")
                : string.Create(c, $" {i + 1,4}  {e.Timeframe,-5} {e.Buy,-8} {e.Sell,-8} {e.FinalEquity,-19:R} {e.Trades,6}  {e.MaxDrawdown,12:0.000000}  {e.Objective:0.######}"));
        }

        var best = top[0].FinalEquity;
        output.WriteLine(string.Create(c, $"hindsight bound (perfect foresight, same costs) on {top[0].Timeframe}: {hindsight:0.######}; the best captures {Capture(best, hindsight):0.0}% of its gain"));
    }

    /// <summary>Returns the share of the hindsight gain (bound − 1) that a final equity captures, in percent.</summary>
    internal static double Capture(double equity, double hindsight) => hindsight > 1 ? (equity - 1) / (hindsight - 1) * 100 : double.NaN;
}
