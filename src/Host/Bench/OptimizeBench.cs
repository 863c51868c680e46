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
/// vectorbt approach): our exact kernel on all cores, and the whole optimizer through its actor worker pool. Times
/// are the best of <c>--repeats</c> warm runs (the reference reports its median); the answers are cross-checked.
/// </summary>
internal static class OptimizeBench
{
    private const string DefaultSeries = "synthetic/usdc-ou-seed42-1m-525600.csv.gz";

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
        Console.Out.WriteLine($"bench optimize: {combos.Count:N0} combinations x {series.Length:N0} bars ({comboBars:0.###e0} combo-bars), fee 0.001, slip 0; {Environment.ProcessorCount} cores; kernel {ExactThresholdKernel.SimdPath}; best of {repeats}");

        var kernelResults = new ThresholdRun[combos.Count];
        var kernel = Best(repeats, () =>
        {
            var fresh = new ExactThresholdKernel(series);
            Parallel.For(0, buys.Length, b => fresh.Run(
                combos.BuyTicks.Slice(b * sells.Length, sells.Length), combos.SellTicks.Slice(b * sells.Length, sells.Length), costs, kernelResults.AsSpan(b * sells.Length, sells.Length)));
        });
        OptimizerProtocol.Finished<ThresholdRun>? pooled = null;
        var pool = await BestAsync(repeats, async () => pooled = await ThresholdOptimizer.RunAsync(combos, Environment.ProcessorCount, null, null, CancellationToken.None).ConfigureAwait(false)).ConfigureAwait(false);

        var best = 0;
        for (var i = 1; i < kernelResults.Length; i++)
        {
            best = kernelResults[i].FinalEquity > kernelResults[best].FinalEquity ? i : best;
        }

        var c = CultureInfo.InvariantCulture;
        Console.Out.WriteLine(string.Create(c, $"best: b={buys[best / sells.Length] / 10_000.0:0.0000} s={sells[best % sells.Length] / 10_000.0:0.0000} equity={kernelResults[best].FinalEquity:R} trades={kernelResults[best].Trades} mdd={kernelResults[best].MaxDrawdown:R}"));
        Console.Out.WriteLine(string.Create(c, $"checksums: entries {kernelResults.Sum(r => (long)r.Trades):N0}, equity {kernelResults.Sum(r => r.FinalEquity):0.0000000000}, mdd {kernelResults.Sum(r => r.MaxDrawdown):0.0000000000}; pool equals kernel: {pooled!.Results.SequenceEqual(kernelResults)}"));
        var numba = Reference(python, reference, series.Closes.ToArray(), repeats);
        Console.Out.WriteLine("implementation                          seconds     combo-bars/s   speed-up vs numba-par");
        Row("grid_ref.py numba-par (median)", numba, numba);
        Row("actorarb exact kernel, all cores", kernel, numba);
        Row("actorarb optimizer (actor pool)", pool, numba);
        return 0;

        void Row(string name, double? seconds, double? baseline) =>
            Console.Out.WriteLine(seconds is { } s
                ? string.Create(c, $"{name,-38} {s,8:0.0000}   {comboBars / s,12:0.000e0}   {(baseline is { } b ? (b / s).ToString("0.0", c) + "x" : "n/a"),8}")
                : $"{name,-38}   not measured");
    }

    private static double Best(int repeats, Action run)
    {
        run();
        var best = double.MaxValue;
        for (var i = 0; i < repeats; i++)
        {
            var clock = Stopwatch.StartNew();
            run();
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }

        return best;
    }

    private static async Task<double> BestAsync(int repeats, Func<Task> run)
    {
        await run().ConfigureAwait(false);
        var best = double.MaxValue;
        for (var i = 0; i < repeats; i++)
        {
            var clock = Stopwatch.StartNew();
            await run().ConfigureAwait(false);
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }

        return best;
    }

    /// <summary>Runs the reference on the same closes (written round-trip exact to a plain CSV it can read) and returns its median seconds.</summary>
    private static double? Reference(string python, string? script, double[] closes, int repeats)
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
            return root.GetProperty("median_s").GetDouble();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
