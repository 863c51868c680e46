using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ActorArb.Actors.Optimization;
using ActorArb.Actors.Replay.Sources;
using ActorArb.Domain.Market;
using ActorArb.Domain.Optimization;
using ActorArb.Host.Commands;
using ActorArb.Host.Optimization;

namespace ActorArb.Host.Bench;

/// <summary>
/// <c>actorarb bench optimize</c>: the EXPECTED.md grid (10,000 combinations × the series' bars) timed side by side
/// in one run with the reference a user would pick instead (<c>shared/bench/grid_ref.py --impl numba-par</c>, the
/// vectorbt approach): our exact kernel on all cores (building its index included), and the whole optimizer through
/// its actor worker pool. Every implementation runs <c>--repeats</c> warm runs; the speed-ups compare medians (the
/// best run is shown beside them), and the load average before and after is printed, since the machine may be
/// shared; our rows also show the median CPU time of the process per run, which other work on the machine hardly
/// changes. The answers are cross-checked.
/// </summary>
internal static class OptimizeBench
{
    private const string DefaultSeries = "synthetic/usdc-ou-seed42-1m-525600.csv.gz";

    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1);

    public static async Task<int> RunAsync(CommandLine line)
    {
        var path = line.Get("csv") ?? SharedData.Find(DefaultSeries) ?? throw new UsageException($"bench optimize: {DefaultSeries} not found under ../shared/data; pass --csv FILE");
        var repeats = (int)Math.Max(1, line.GetLong("repeats") ?? 5);
        var python = line.Get("python") ?? "/usr/bin/python3";
        var reference = line.Get("reference") ?? SharedData.FindShared("bench/grid_ref.py");
        line.EnsureAllRead("bench optimize");

        var usdc = new Instrument(new InstrumentId("synthetic", "USDC/USD"), Price.Parse("0.0001"));
        var data = StudyData.Read(new CsvCandleSource(path, usdc, Timeframe.OneMinute, new CsvSourceOptions(BadRowPolicy.Stop)), Timeframe.OneMinute);
        var series = new TickSeries(data.Closes, data.Decimals);
        var costs = new ThresholdCosts(0.001, 0);
        var buys = Enumerable.Range(9900, 100).ToArray();
        var sells = Enumerable.Range(10001, 100).ToArray();
        var combos = new ThresholdCombos(series, new ExactThresholdKernel(series), buys, sells, costs);
        var comboBars = (double)combos.Count * series.Length;
        Console.Out.WriteLine($"bench optimize: {combos.Count:N0} combinations x {series.Length:N0} bars ({comboBars:0.###e0} combo-bars), fee 0.001, slip 0; {Environment.ProcessorCount} cores; kernel {ExactThresholdKernel.SimdPath}; {repeats} runs each; {LoadAverage.Describe()}");

        var kernelResults = new ThresholdRun[combos.Count];
        var kernel = await TimeAsync(repeats, () =>
        {
            var fresh = new ExactThresholdKernel(series);
            Parallel.For(0, buys.Length, b => fresh.Run(
                combos.BuyTicks.Slice(b * sells.Length, sells.Length), combos.SellTicks.Slice(b * sells.Length, sells.Length), costs, kernelResults.AsSpan(b * sells.Length, sells.Length)));
            return Task.CompletedTask;
        }).ConfigureAwait(false);
        OptimizerProtocol.Finished<ThresholdRun>? pooled = null;
        var pool = await TimeAsync(repeats, async () => pooled = await ThresholdOptimizer.RunAsync(combos, Environment.ProcessorCount, null, null, CancellationToken.None).ConfigureAwait(false)).ConfigureAwait(false);

        var best = 0;
        for (var i = 1; i < kernelResults.Length; i++)
        {
            best = kernelResults[i].FinalEquity > kernelResults[best].FinalEquity ? i : best;
        }

        var c = CultureInfo.InvariantCulture;
        Console.Out.WriteLine(string.Create(c, $"best: b={buys[best / sells.Length] / 10_000.0:0.0000} s={sells[best % sells.Length] / 10_000.0:0.0000} equity={kernelResults[best].FinalEquity:R} trades={kernelResults[best].Trades} mdd={kernelResults[best].MaxDrawdown:R}"));
        Console.Out.WriteLine(string.Create(c, $"checksums: entries {kernelResults.Sum(r => (long)r.Trades):N0}, equity {kernelResults.Sum(r => r.FinalEquity):0.0000000000}, mdd {kernelResults.Sum(r => r.MaxDrawdown):0.0000000000}; pool equals kernel: {pooled!.Results.SequenceEqual(kernelResults)}"));
        var numba = Reference(python, reference, series.Closes.ToArray(), repeats);
        Console.Out.WriteLine("implementation                          median s     best s   combo-bars/s   speed-up vs numba-par (medians)   cpu s");
        Row("grid_ref.py numba-par", numba, numba);
        Row("actorarb exact kernel, all cores", kernel, numba);
        Row("actorarb optimizer (actor pool)", pool, numba);
        Console.Out.WriteLine($"after: {LoadAverage.Describe()}");
        return 0;

        void Row(string name, Timing? timing, Timing? baseline) =>
            Console.Out.WriteLine(timing is { } t
                ? string.Create(c, $"{name,-38} {t.Median,9:0.0000}  {t.Best,9:0.0000}   {comboBars / t.Median,12:0.000e0}   {(baseline is { } b ? (b.Median / t.Median).ToString("0.0", c) + "x" : "n/a"),8}   {(t.Cpu is { } cpu ? cpu.ToString("0.0000", c) : "n/a"),28}")
                : $"{name,-38}   not measured");
    }

    private static async Task<Timing> TimeAsync(int repeats, Func<Task> run)
    {
        // Warm up for a while, not for a run or two: tiered compilation recompiles hot methods at full optimisation in
        // the background only once their calls have gone on for a while (100 ms by default), so early runs would time
        // unoptimised code.
        var warmUp = Stopwatch.StartNew();
        do
        {
            await run().ConfigureAwait(false);
        }
        while (warmUp.Elapsed < WarmUp);

        var seconds = new double[repeats];
        var cpu = new double[repeats];
        for (var i = 0; i < repeats; i++)
        {
            var cpuBefore = Environment.CpuUsage.TotalTime;
            var clock = Stopwatch.StartNew();
            await run().ConfigureAwait(false);
            seconds[i] = clock.Elapsed.TotalSeconds;
            cpu[i] = (Environment.CpuUsage.TotalTime - cpuBefore).TotalSeconds;
        }

        return Timing.Of(seconds) with { Cpu = Timing.Of(cpu).Median };
    }

    /// <summary>Runs the reference on the same closes (written round-trip exact to a plain CSV it can read) and returns its median and best seconds.</summary>
    private static Timing? Reference(string python, string? script, double[] closes, int repeats)
    {
        if (script is null || !File.Exists(python))
        {
            Console.Out.WriteLine($"grid_ref.py: skipped ({(script is null ? "../shared/bench/grid_ref.py not found" : python + " not found")}; Debian: apt-get install python3-numba)");
            return null;
        }

        var folder = Directory.CreateTempSubdirectory("actorarb-bench-");
        try
        {
            var csv = Path.Combine(folder.FullName, "closes.csv");
            File.WriteAllLines(csv, closes.Select(c => c.ToString("R", CultureInfo.InvariantCulture)).Prepend("close"));
            var json = Path.Combine(folder.FullName, "result.json");
            var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { script, "--csv", csv, "--csv-column", "close", "--impl", "numba-par", "--repeats", repeats.ToString(CultureInfo.InvariantCulture), "--json", json })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0 || !File.Exists(json))
            {
                Console.Out.WriteLine($"grid_ref.py failed (exit {process.ExitCode}): {error.Trim()}");
                return null;
            }

            using var result = JsonDocument.Parse(File.ReadLines(json).First());
            var root = result.RootElement;
            var best = root.GetProperty("best");
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"grid_ref.py numba-par: best b={best.GetProperty("b").GetDouble():0.0000} s={best.GetProperty("s").GetDouble():0.0000} equity={best.GetProperty("equity").GetDouble():R}; runs {string.Join(", ", root.GetProperty("runs_s").EnumerateArray().Select(r => r.GetDouble().ToString("0.000", CultureInfo.InvariantCulture)))} s"));
            _ = output.Result;
            return new Timing(root.GetProperty("median_s").GetDouble(), root.GetProperty("runs_s").EnumerateArray().Min(r => r.GetDouble()));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The median and the best of an implementation's timed runs, and the median CPU time of a run where known, in seconds.</summary>
    private readonly record struct Timing(double Median, double Best, double? Cpu = null)
    {
        /// <summary>Returns the timing of <paramref name="seconds"/> (the median of an even count is the mean of the middle two).</summary>
        public static Timing Of(double[] seconds)
        {
            Array.Sort(seconds);
            var middle = seconds.Length / 2;
            var median = seconds.Length % 2 == 1 ? seconds[middle] : (seconds[middle - 1] + seconds[middle]) / 2;
            return new Timing(median, seconds[0]);
        }
    }
}
